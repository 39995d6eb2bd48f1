package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class BenfordTestTest {

    /** log10(1 + 1/d) for d = 1..9, to 11 decimals from tables (log10 2 = 0.30102999566 …). */
    private static final double[] BENFORD = {
        0.30102999566, 0.17609125906, 0.12493873660, 0.09691001301, 0.07918124605,
        0.06694678963, 0.05799194698, 0.05115252245, 0.04575749056};

    @Test
    void expectedProportions() {
        for (int i = 0; i < 9; i++) {
            assertThat(BenfordTest.EXPECTED.get(i)).isCloseTo(BENFORD[i], within(1e-11));
        }
        assertThat(BenfordTest.EXPECTED.get(0)).isCloseTo(0.30103, within(5e-6));
        assertThat(BenfordTest.EXPECTED.get(8)).isCloseTo(0.04576, within(5e-6));
        assertThat(BenfordTest.EXPECTED.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void conformingCounts() {
        // Benford proportions rounded to 1 000 amounts. |obs − exp| by hand, in units of 1e-11:
        // 2999566 + 9125906 + 6126340 + 8998699 + 18124605 + 5321037 + 805302 + 15252245 + 24250944
        // = 91004644, so MAD = 0.00091004644 / 9 = 0.000101116271 (each term rounded to 1e-11, hence the tolerance).
        long[] counts = {301, 176, 125, 97, 79, 67, 58, 51, 46};
        BenfordTest test = BenfordTest.of(counts);
        assertThat(test.isDefined()).isTrue();
        assertThat(test.n()).isEqualTo(1000);
        assertThat(test.observed().get(0)).isEqualTo(0.301);
        assertThat(test.observed().get(8)).isEqualTo(0.046);
        assertThat(test.mad()).isCloseTo(0.000101116271, within(1e-11));
        assertThat(test.conformity()).isEqualTo(BenfordConformity.CLOSE);
        assertThat(test.conformity().label()).isEqualTo("close conformity");
        // SciPy chisquare: statistic 0.0023622171891271543, p 0.999999999999919.
        assertThat(test.chiSquare()).isCloseTo(0.0023622171891271543, within(1e-12));
        assertThat(test.pValue()).isCloseTo(0.999999999999919, within(1e-12));
        assertAgreesWithCommonsChiSquareTest(test, counts);
    }

    @Test
    void uniformDigitsDoNotConform() {
        // 100 of each digit: observed 1/9 everywhere. Both sets of proportions sum to 1, so the total
        // absolute deviation is twice the excess of digits 1–3: 2·(log10 4 − 3/9), MAD = that / 9.
        long[] counts = {100, 100, 100, 100, 100, 100, 100, 100, 100};
        BenfordTest test = BenfordTest.of(counts);
        assertThat(test.mad()).isCloseTo(2 * (Math.log10(4) - 1.0 / 3.0) / 9, within(1e-12))
                .isCloseTo(0.0597170351, within(1e-10));
        assertThat(test.conformity()).isEqualTo(BenfordConformity.NONCONFORMITY);
        assertThat(test.conformity().label()).isEqualTo("nonconformity");
        // SciPy chisquare: statistic 361.5284636209621, p 3.13e-73 (below double precision of 1 − CDF).
        assertThat(test.chiSquare()).isCloseTo(361.5284636209621, within(1e-9));
        assertThat(test.pValue()).isBetween(0.0, 1e-15);
        assertAgreesWithCommonsChiSquareTest(test, counts);
    }

    @Test
    void moderateDeviationHasAPValueBetween() {
        long[] counts = {290, 180, 130, 95, 80, 65, 60, 52, 48};
        BenfordTest test = BenfordTest.of(counts);
        assertAgreesWithCommonsChiSquareTest(test, counts);
    }

    private static void assertAgreesWithCommonsChiSquareTest(BenfordTest test, long[] counts) {
        double[] expectedCounts = new double[9];
        for (int i = 0; i < 9; i++) {
            expectedCounts[i] = test.n() * BENFORD[i];
        }
        ChiSquareTest reference = new ChiSquareTest();
        assertThat(test.chiSquare()).isCloseTo(reference.chiSquare(expectedCounts, counts), within(1e-6));
        assertThat(test.pValue()).isCloseTo(reference.chiSquareTest(expectedCounts, counts), within(1e-6));
    }

    @Test
    void nigriniBandsIncludeTheirUpperBound() {
        assertThat(BenfordConformity.ofMad(0.0)).isEqualTo(BenfordConformity.CLOSE);
        assertThat(BenfordConformity.ofMad(0.006)).isEqualTo(BenfordConformity.CLOSE);
        assertThat(BenfordConformity.ofMad(0.0061)).isEqualTo(BenfordConformity.ACCEPTABLE);
        assertThat(BenfordConformity.ofMad(0.012)).isEqualTo(BenfordConformity.ACCEPTABLE);
        assertThat(BenfordConformity.ofMad(0.0121)).isEqualTo(BenfordConformity.MARGINAL);
        assertThat(BenfordConformity.ofMad(0.015)).isEqualTo(BenfordConformity.MARGINAL);
        assertThat(BenfordConformity.ofMad(0.0151)).isEqualTo(BenfordConformity.NONCONFORMITY);
        assertThat(BenfordConformity.MARGINAL.label()).isEqualTo("marginally acceptable conformity");
        assertThat(BenfordConformity.ACCEPTABLE.label()).isEqualTo("acceptable conformity");
        assertThatThrownBy(() -> BenfordConformity.ofMad(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstDigitIsExactOnDecimalInput() {
        assertThat(BenfordTest.firstDigit(0.07)).isEqualTo(7);
        assertThat(BenfordTest.firstDigit(1000)).isEqualTo(1);
        assertThat(BenfordTest.firstDigit(9.99)).isEqualTo(9);
        assertThat(BenfordTest.firstDigit(-45.6)).isEqualTo(4);
        assertThat(BenfordTest.firstDigit(1e-5)).isEqualTo(1);
        assertThat(BenfordTest.firstDigit(123_456_789_012.0)).isEqualTo(1);
        assertThat(BenfordTest.firstDigit(Double.MAX_VALUE)).isEqualTo(1);
        assertThat(BenfordTest.firstDigit(Double.MIN_VALUE)).isEqualTo(4);
        // 0.3 is stored as 0.2999999999999999888…: the exact binary expansion would say 2.
        assertThat(new BigDecimal(0.3).toString()).startsWith("0.2999");
        assertThat(BenfordTest.firstDigit(0.3)).isEqualTo(3);
        assertThat(BenfordTest.firstDigit(0.0)).isZero();
        assertThat(BenfordTest.firstDigit(-0.0)).isZero();
        assertThat(BenfordTest.firstDigit(Double.NaN)).isZero();
        assertThat(BenfordTest.firstDigit(Double.POSITIVE_INFINITY)).isZero();
    }

    @Test
    void countsFirstDigitsSkippingThoseWithout() {
        long[] counts = BenfordTest.countFirstDigits(1.5, 12, 0.19, 250, -3, 0, Double.NaN, 9.99);
        assertThat(counts).containsExactly(3, 1, 1, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void tooFewAmountsKeepsObservedProportionsOnly() {
        long[] counts = {30, 18, 12, 10, 8, 7, 6, 5, 3};
        BenfordTest test = BenfordTest.of(counts);
        assertThat(test.n()).isEqualTo(99);
        assertThat(test.isDefined()).isFalse();
        assertThat(test.reason()).contains("99").contains("100");
        assertThat(test.observed()).hasSize(9);
        assertThat(test.mad()).isNull();
        assertThat(test.conformity()).isNull();
        assertThat(test.chiSquare()).isNull();
        assertThat(test.pValue()).isNull();
        assertThat(BenfordTest.of(counts, 50).isDefined()).isTrue();
    }

    @Test
    void noAmounts() {
        BenfordTest test = BenfordTest.of(new long[9]);
        assertThat(test.isDefined()).isFalse();
        assertThat(test.reason()).isEqualTo("no amounts to test");
        assertThat(test.observed()).isEmpty();
        assertThat(test.expected()).hasSize(9);
    }

    @Test
    void rejectsMalformedCounts() {
        assertThatThrownBy(() -> BenfordTest.of(new long[8])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenfordTest.of(new long[] {-1, 0, 0, 0, 0, 0, 0, 0, 200}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultIsImmutable() {
        BenfordTest test = BenfordTest.of(new long[] {301, 176, 125, 97, 79, 67, 58, 51, 46});
        assertThatThrownBy(() -> test.observed().set(0, 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> BenfordTest.EXPECTED.set(0, 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
