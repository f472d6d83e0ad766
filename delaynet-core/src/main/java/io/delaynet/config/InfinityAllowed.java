package io.delaynet.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The keys of a configuration record (or of the records nested in its components) that may be {@code .inf} (positive infinity, "no limit").
 * {@link ConfigBinder} refuses NaN for every key, and infinity for every key not listed here, so
 * that a non-finite number can never slip through a range check such as {@code x > 0}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InfinityAllowed {
    /** Dotted snake_case key paths relative to the annotated record, e.g. {@code weight_limit}. */
    String[] value();
}
