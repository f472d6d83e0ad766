package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LambertWTest {

    @Test
    void satisfiesItsDefiningEquationFromTheBranchPointToAMillion() {
        int points = 200_001;
        double worst = 0;
        for (int i = 0; i < points; i++) {
            // dense near the branch point, logarithmic towards 1e6
            double u = (double) i / (points - 1);
            double z = u < 0.5 ? LambertW.BRANCH_POINT + (0 - LambertW.BRANCH_POINT) * Math.pow(2 * u, 3)
                    : Math.pow(10, 6 * (2 * u - 1)) - 1 + 1e-300;
            double w = LambertW.w0(z);
            assertTrue(w >= -1, "principal branch stays >= -1 at z=" + z);
            double residual = Math.abs(w * Math.exp(w) - z) / Math.max(Math.abs(z), 1e-300);
            if (Math.abs(z - LambertW.BRANCH_POINT) > 1e-9) {
                worst = Math.max(worst, residual);
            }
        }
        assertTrue(worst < 1e-13, "worst relative residual " + worst);
    }

    @Test
    void knownValues() {
        assertEquals(0.0, LambertW.w0(0.0));
        assertEquals(1.0, LambertW.w0(Math.E), 1e-15);
        assertEquals(0.5671432904097838, LambertW.w0(1.0), 1e-15); // the omega constant
        assertEquals(-1.0, LambertW.w0(LambertW.BRANCH_POINT), 1e-7);
        assertEquals(Math.log(1e6) - Math.log(Math.log(1e6)), LambertW.w0(1e6), 0.2);
    }

    @Test
    void belowTheBranchPointThereIsNoRealValue() {
        assertTrue(Double.isNaN(LambertW.w0(-0.4)));
        assertTrue(Double.isNaN(LambertW.w0(Double.NaN)));
    }
}
