/**
 * Data sets: the registry of the ones the library knows by name ({@link io.delaynet.data.Datasets}:
 * yinyang, mnist, fashion-mnist, fsdd, shd, each with its {@link io.delaynet.data.Dataset.Kind}), the one
 * rule for finding the data folder ({@link io.delaynet.data.DataDirectory}), the cache folder for derived
 * data, and the data exceptions that become one-line user errors. Loaders live in the sub-packages.
 */
package io.delaynet.data;
