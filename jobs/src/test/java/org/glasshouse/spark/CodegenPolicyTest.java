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

class CodegenPolicyTest {

    @Test
    void interpretsOnlyInputsBelowTheThreshold() {
        CodegenPolicy policy = new CodegenPolicy(1000);
        assertTrue(policy.decide(999).interpreted());
        assertFalse(policy.decide(1000).interpreted());
        assertFalse(new CodegenPolicy(0).decide(0).interpreted(), "0 turns interpretation off");
    }

    @Test
    void setsAndClearsTheSessionsCodegenSettings() {
        SparkSession session = SharedSpark.get().newSession();   // own SQL conf: the shared session is untouched
        CodegenPolicy policy = new CodegenPolicy(1000);

        policy.apply(session.conf(), 10);
        assertEquals("false", session.conf().get(CodegenPolicy.WHOLE_STAGE));
        assertEquals("NO_CODEGEN", session.conf().get(CodegenPolicy.FACTORY_MODE));
        List<Row> interpreted = session.sql("SELECT id % 3 AS k, sum(id) AS s FROM range(10) GROUP BY k ORDER BY k")
                .collectAsList();

        policy.apply(session.conf(), 5000);
        assertEquals("true", session.conf().get(CodegenPolicy.WHOLE_STAGE));
        List<Row> generated = session.sql("SELECT id % 3 AS k, sum(id) AS s FROM range(10) GROUP BY k ORDER BY k")
                .collectAsList();

        // 0+3+6+9, 1+4+7, 2+5+8: both evaluation paths give the same answer
        assertEquals(List.of(RowFactory.create(0L, 18L), RowFactory.create(1L, 12L), RowFactory.create(2L, 15L)),
                interpreted);
        assertEquals(interpreted, generated);
    }
}
