/** The spike nonlinearity of the forward pass and the derivative the surrogate-gradient estimator uses for it (exponential, fast sigmoid, Gaussian; the smooth sigmoid stand-in for gradient checks). */
package io.delaynet.stepped.surrogate;
