package org.glasshouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

class SmallInputTuningTest {

    private static final String QUERY = "SELECT id % 3 AS k, sum(id) AS s FROM range(10) GROUP BY k ORDER BY k";

    @Test
    void onlyInputsBelowTheThresholdAreSmall() {
        SmallInputTuning tuning = new SmallInputTuning(1000);
        assertTrue(tuning.decide(999).small());
        assertFalse(tuning.decide(1000).small());
        assertFalse(new SmallInputTuning(0).decide(0).small(), "0 turns the tuning off");
    }

    @Test
    void tunesSmallRunsAndRestoresTheSessionsOwnSettingsForBigOnes() {
        SparkSession session = SharedSpark.get().newSession();   // own SQL conf: the shared session is untouched
        session.conf().set(SmallInputTuning.SHUFFLE_PARTITIONS, "7");
        SmallInputTuning tuning = new SmallInputTuning(1000);

        tuning.apply(session.conf(), 10);
        assertEquals("false", session.conf().get(SmallInputTuning.WHOLE_STAGE));
        assertEquals("NO_CODEGEN", session.conf().get(SmallInputTuning.FACTORY_MODE));
        assertEquals("1", session.conf().get(SmallInputTuning.SHUFFLE_PARTITIONS));
        List<Row> small = session.sql(QUERY).collectAsList();

        tuning.apply(session.conf(), 5000);
        assertEquals("true", session.conf().get(SmallInputTuning.WHOLE_STAGE));
        assertEquals("7", session.conf().get(SmallInputTuning.SHUFFLE_PARTITIONS));
        List<Row> big = session.sql(QUERY).collectAsList();

        // 0+3+6+9, 1+4+7, 2+5+8: both ways give the same answer
        assertEquals(List.of(RowFactory.create(0L, 18L), RowFactory.create(1L, 12L), RowFactory.create(2L, 15L)), small);
        assertEquals(small, big);
    }
}
