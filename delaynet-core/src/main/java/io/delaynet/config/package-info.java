/**
 * Configuration as YAML trees: each method's commented defaults, the user's file and {@code --set}
 * overrides merged ({@link io.delaynet.config.ConfigTree}), bound to records with one-line errors that
 * name the key and the fix ({@link io.delaynet.config.ConfigBinder}; unknown keys are errors), the
 * {@code training:} section every method shares ({@link io.delaynet.config.TrainingSection}) and the key
 * reference made from the defaults' comments ({@link io.delaynet.config.ConfigDocs}).
 */
package io.delaynet.config;
