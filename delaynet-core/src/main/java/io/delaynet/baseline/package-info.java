/** Non-spiking read-outs that check an encoding: softmax regression on standardised spike-count features (the FSDD linear baseline). */
package io.delaynet.baseline;
