package io.delaynet.data.audio;

/**
 * Which implementation runs the front end's per-channel inner loops. Both give bit-identical
 * results; VECTOR is several times faster but needs the incubating Vector API
 * ({@code --add-modules jdk.incubator.vector}, which the {@code delaynet} launcher and the test
 * setup pass).
 */
public enum KernelKind {
    SCALAR,
    VECTOR;

    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** VECTOR when the Vector API module is present, otherwise SCALAR. */
    public static KernelKind fastestAvailable() {
        return VECTOR_API ? VECTOR : SCALAR;
    }

    public boolean available() {
        return this == SCALAR || VECTOR_API;
    }

    FrontEndKernel create() {
        if (!available()) {
            throw new IllegalStateException("the Vector API is not available; run java with --add-modules jdk.incubator.vector");
        }
        // The vector class is only named here, so a JVM without the module never loads it.
        return this == VECTOR ? new VectorFrontEndKernel() : new ScalarFrontEndKernel();
    }
}
