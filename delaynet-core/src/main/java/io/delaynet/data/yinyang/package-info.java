/** The Yin-Yang data set regenerated bit-exactly (MT19937 as numpy's legacy RandomState) and its latency encoding into input spike times. */
package io.delaynet.data.yinyang;
