package io.delaynet.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Spark contexts as DelayNet opens them. With a {@code local[...]} master the driver binds to
 * the loopback address and the web UI stays off, so a laptop or a locked-down machine needs no
 * network; a cluster master keeps Spark's own settings (and whatever spark-submit passed).
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    /** A context for {@code master}, named {@code name} in the cluster's listing. */
    public static JavaSparkContext open(String master, String name) {
        SparkConf conf = new SparkConf().setAppName(name).setMaster(master);
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        // one task is one whole training run: never run a second copy of a slow one elsewhere
        conf.setIfMissing("spark.speculation", "false");
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        return context;
    }
}
