/** Small shared utilities: {@link io.delaynet.util.RandomStreams}, independent seeded random streams per purpose (weights, delays, data order, noise) derived from one root seed, so that one seed gives the same numbers with any thread count. */
package io.delaynet.util;
