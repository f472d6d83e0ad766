/** The {@code delgrad} method: its configuration records, defaults, the experiment on Yin-Yang, and the answers to the inspection hooks. */
package io.delaynet.event.config;
