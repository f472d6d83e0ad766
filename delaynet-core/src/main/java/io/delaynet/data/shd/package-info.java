/** The Spiking Heidelberg Digits / Spiking Speech Commands HDF5 layout, read with jHDF (with a workaround for its shuffle filter on variable-length data). */
package io.delaynet.data.shd;
