/** Losses on output spike times: shift-invariant MSE (all DelGrad configurations) and the TTFS cross-entropy with the early-output regulariser (Fast&amp;Deep), each with its gradient. */
package io.delaynet.event.loss;
