/** {@code delaynet bench}: speed of the engines against baselines measured in the same run (never against figures from elsewhere). */
package io.delaynet.cli.bench;
