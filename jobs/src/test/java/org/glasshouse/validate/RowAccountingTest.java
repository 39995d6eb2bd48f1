package org.glasshouse.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The run fails loudly, naming the file, when rows read differ from accepted + quarantined. */
class RowAccountingTest {

    @Test
    void balancedAccountsPass() {
        assertThatCode(() -> ValidationRun.checkAccounting(List.of(
                new FileAccount("f1", "P01", "services", "inbox/P01/a.csv", 10, 7, 3),
                new FileAccount("f2", "P01", "services", "inbox/P01/b.csv", 0, 0, 0)))).doesNotThrowAnyException();
    }

    @Test
    void aLostRowFailsTheRunNamingTheFile() {
        assertThatThrownBy(() -> ValidationRun.checkAccounting(List.of(
                new FileAccount("f1", "P01", "services", "inbox/P01/a.csv", 10, 7, 3),
                new FileAccount("f2", "P02", "transactions", "inbox/P02/t.csv", 10, 8, 1))))
                .isInstanceOf(RowAccountingException.class)
                .hasMessage("Row accounting does not hold (rows read != accepted + quarantined) for: "
                        + "transactions inbox/P02/t.csv read=10 accepted=8 quarantined=1");
    }

    @Test
    void aDuplicatedRowFailsTooo() {
        assertThatThrownBy(() -> ValidationRun.checkAccounting(List.of(
                new FileAccount("f1", "P01", "services", "inbox/P01/a.csv", 10, 8, 3))))
                .isInstanceOf(RowAccountingException.class).hasMessageContaining("read=10 accepted=8 quarantined=3");
    }
}
