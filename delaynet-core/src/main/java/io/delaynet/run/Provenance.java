package io.delaynet.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How a result was made: library and Java versions, git commit, seed, threads, data checksums. */
public final class Provenance {
    private Provenance() {
    }

    public static Map<String, Object> collect(long seed, int threads, Map<String, Path> dataFiles) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("delaynet_version", version());
        p.put("git_commit", gitCommit());
        p.put("java_version", Runtime.version().toString());
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("cores", Runtime.getRuntime().availableProcessors());
        p.put("seed", seed);
        p.put("threads", threads);
        p.put("created", java.time.Instant.now().toString());
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : dataFiles.entrySet()) {
            sums.put(e.getKey(), sha256(e.getValue()));
        }
        p.put("data_sha256", sums);
        return p;
    }

    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The commit of the source tree the code runs from, or "unknown". */
    static String gitCommit() {
        try {
            Path here = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Process git = new ProcessBuilder("git", "-C", (Files.isDirectory(here) ? here : here.getParent()).toString(),
                    "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (Exception e) {
            // git missing, not a checkout, or no permission: provenance just says unknown
        }
        return "unknown";
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
