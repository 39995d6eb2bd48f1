package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class LinearTrendTest {

    @Test
    void exactLineIsRecovered() {
        LinearTrend trend = LinearTrend.fromPoints(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        assertThat(trend.slope()).isCloseTo(2.0, within(1e-12));
        assertThat(trend.intercept()).isCloseTo(1.0, within(1e-12));
        assertThat(trend.predict(10).getAsDouble()).isCloseTo(21.0, within(1e-12));
    }

    @Test
    void handComputedFit() {
        // x 1,2,3,4  y 2,3,5,4: x̄ 2.5, ȳ 3.5, Sxx 5, Sxy 4 → slope 0.8, intercept 3.5 − 0.8·2.5 = 1.5.
        LinearTrend trend = LinearTrend.fromSums(4, 10, 14, 30, 39);
        assertThat(trend.slope()).isCloseTo(0.8, within(1e-12));
        assertThat(trend.intercept()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void agreesWithCommonsMathSimpleRegression() {
        double[] x = {0, 1, 2, 3, 5, 6, 8, 11, 12, 14};
        double[] y = {10.2, 11.9, 11.1, 14.8, 15.0, 19.3, 18.7, 25.4, 24.1, 29.9};
        assertMatchesSimpleRegression(x, y);
    }

    @Test
    void agreesWithSimpleRegressionForDaysSinceEpoch() {
        // Realistic x: epoch days of monthly periods (~20 000), where the one-pass sums cancel the most.
        double[] x = new double[24];
        double[] y = new double[24];
        for (int i = 0; i < x.length; i++) {
            x[i] = 19_723 + 30.4375 * i;
            y[i] = 1_250.0 + 37.5 * i + ((i * 7919) % 13 - 6) * 11.0;
        }
        assertMatchesSimpleRegression(x, y);
    }

    private static void assertMatchesSimpleRegression(double[] x, double[] y) {
        SimpleRegression reference = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            reference.addData(x[i], y[i]);
        }
        LinearTrend trend = LinearTrend.fromPoints(x, y);
        assertThat(trend.isDefined()).isTrue();
        // SimpleRegression updates centred sums point by point; the one-pass sums must agree to 1e-9 relative.
        double xEnd = x[x.length - 1] + 90;
        assertThat(trend.slope()).isCloseTo(reference.getSlope(), within(relative(reference.getSlope())));
        assertThat(trend.intercept()).isCloseTo(reference.getIntercept(), within(relative(reference.getIntercept())));
        assertThat(trend.predict(xEnd).getAsDouble())
                .isCloseTo(reference.predict(xEnd), within(relative(reference.predict(xEnd))));
    }

    private static double relative(double reference) {
        return 1e-9 * Math.max(1.0, Math.abs(reference));
    }

    @Test
    void fewerThanTwoPointsIsUndefined() {
        LinearTrend one = LinearTrend.fromPoints(new double[] {3}, new double[] {4});
        assertThat(one.isDefined()).isFalse();
        assertThat(one.reason()).contains("at least two");
        assertThat(one.slope()).isNull();
        assertThat(one.intercept()).isNull();
        assertThat(one.predict(5)).isEmpty();
        assertThat(LinearTrend.fromSums(0, 0, 0, 0, 0).isDefined()).isFalse();
    }

    @Test
    void allPointsAtTheSameXIsUndefined() {
        LinearTrend trend = LinearTrend.fromPoints(new double[] {0.1, 0.1, 0.1}, new double[] {1, 2, 3});
        assertThat(trend.isDefined()).isFalse();
        assertThat(trend.reason()).contains("same x");
        assertThat(trend.predict(1)).isEmpty();
    }

    @Test
    void rejectsMismatchedOrNonFiniteInput() {
        assertThatThrownBy(() -> LinearTrend.fromPoints(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearTrend.fromSums(2, Double.NaN, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearTrend.fromSums(-1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
