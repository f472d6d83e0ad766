/** The {@code delgrad-chip} method: DelGrad configuration plus {@code backend:} and {@code hardware_aware:} sections. */
package io.delaynet.hardware.config;
