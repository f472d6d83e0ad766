package io.delaynet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Non-finite numbers, numbers too large for their key and duplicate keys are one-line user errors. */
class ConfigBinderTest {
    @InfinityAllowed({"limit"})
    record Settings(double x, double limit, int n, long seed, List<Double> xs) {
    }

    record Outer(Settings innerPart, double y) {
    }

    private static String refused(String yaml) {
        return assertThrows(ConfigException.class,
                () -> ConfigBinder.bind(ConfigTree.parse(yaml, "t.yaml"), Settings.class, "cfg")).getMessage();
    }

    @Test
    void nanIsRefusedEverywhere() {
        assertEquals("cfg: 'x' is NaN; give a number", refused("x: .nan"));
        assertEquals("cfg: 'limit' is NaN; give a number", refused("limit: .nan"));
        assertEquals("cfg: 'xs[1]' is NaN; give a number", refused("xs: [1, .nan]"));
        // the text forms, which Jackson would turn into numbers
        assertEquals("cfg: 'x' is NaN; give a number", refused("x: NaN"));
        assertEquals("cfg: 'x' is infinity; give a finite number (only limit may be .inf)", refused("x: Infinity"));
        assertEquals("cfg: 'x' is minus infinity; give a finite number (only limit may be .inf)", refused("x: -INF"));
        assertEquals(Double.POSITIVE_INFINITY,
                ConfigBinder.bind(ConfigTree.parse("limit: Infinity", "t"), Settings.class, "cfg").limit());
    }

    @Test
    void infinityOnlyWhereTheRecordAllowsIt() {
        assertEquals("cfg: 'x' is infinity; give a finite number (only limit may be .inf)", refused("x: .inf"));
        assertEquals("cfg: 'limit' is minus infinity; give a finite number (only limit may be .inf)", refused("limit: -.inf"));
        assertEquals("cfg: 'x' is infinity; give a finite number (only limit may be .inf)", refused("x: 1e400"));
        assertEquals(Double.POSITIVE_INFINITY,
                ConfigBinder.bind(ConfigTree.parse("limit: .inf", "t"), Settings.class, "cfg").limit());
    }

    @Test
    void aMisspeltKeyIsAnUnknownKeyEvenWhenItsValueIsNotFinite() {
        // found by BadInputFuzzTest: 'weight_llimit: .inf' was refused as an infinity, not as the typo it is
        assertEquals("cfg: unknown key 'limmit'; known keys here: limit, n, seed, x, xs", refused("limmit: .inf"));
        assertEquals("cfg: unknown key 'inner_part.limmit'; known keys here: limit, n, seed, x, xs",
                assertThrows(ConfigException.class, () -> ConfigBinder.bind(
                        ConfigTree.parse("inner_part: {limmit: .nan}", "t"), Outer.class, "cfg")).getMessage());
        // a known key keeps its own message, whatever else the file holds
        assertEquals("cfg: 'x' is NaN; give a number", refused("x: .nan\nn: 1"));
    }

    @Test
    void aNestedRecordsAllowanceIsFoundUnderItsKey() {
        assertEquals(java.util.Set.of("inner_part.limit"), ConfigBinder.infinityAllowed(Outer.class, ""));
        assertEquals(Double.POSITIVE_INFINITY, ConfigBinder.bind(ConfigTree.parse("inner_part: {limit: .inf}\ny: 1", "t"),
                Outer.class, "cfg").innerPart().limit());
        assertThrows(ConfigException.class, () -> ConfigBinder.bind(ConfigTree.parse("y: .inf", "t"), Outer.class, "cfg"));
    }

    @Test
    void overflowNamesTheKeyAndTheRange() {
        assertEquals("cfg: 'n' is 99999999999999999999, out of range; give a whole number from -2147483648 to 2147483647",
                refused("n: 99999999999999999999"));
        assertEquals("cfg: 'n' is 3000000000, out of range; give a whole number from -2147483648 to 2147483647",
                refused("n: 3000000000"));
        assertEquals("cfg: 'seed' is 99999999999999999999, out of range; give a whole number from "
                + Long.MIN_VALUE + " to " + Long.MAX_VALUE, refused("seed: 99999999999999999999"));
    }

    @Test
    void aKeySetTwiceIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigTree.parse("n: 1\nx: 2\nn: 3\n", "t.yaml"));
        assertEquals("t.yaml sets a key twice at line 3: \"n\"; keep only one of the two", e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigTree.parse("a:\n  n: 1\n  n: 1\n", "t.yaml"));
    }
}
