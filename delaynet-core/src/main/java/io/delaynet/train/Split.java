package io.delaynet.train;

/** The three parts of a data set. Training draws gradients only from {@link #TRAIN}. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses "train", "validation"/"val" or "test", ignoring case. */
    public static Split parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "train", "training" -> TRAIN;
            case "validation", "val", "valid" -> VALIDATION;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException(
                    "unknown split '" + text + "'; use train, validation or test");
        };
    }
}
