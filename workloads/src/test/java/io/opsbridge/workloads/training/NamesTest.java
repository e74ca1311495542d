package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void ordinaryTickersAreSymbols() {
        assertThat(Names.isSymbol("AAPL")).isTrue();
        assertThat(Names.isSymbol("BRK.B")).isTrue();
        assertThat(Names.isSymbol("EUR-USD")).isTrue();
        assertThat(Names.isSymbol("7203")).isTrue();
    }

    @Test
    void namesThatMakeOddFilesAreNotSymbols() {
        for (String bad : new String[] {"A..", ".A", "A.", "A.B.C", "CON", "con", "NUL.TXT", "COM1", "1E309", "../X",
                "A/B", "A".repeat(13), "", "A\u0000"}) {
            assertThat(Names.isSymbol(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aRejectedNameIsAnInvalidRequestNamingTheFieldWithoutEchoingAHugeValue() {
        assertThatThrownBy(() -> Names.requireSymbol("symbols", "X".repeat(100_000)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("symbols"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThatThrownBy(() -> Names.requireStrategy("strategy", "../../etc/passwd"))
                .isInstanceOf(InvalidRequestException.class);
    }
}
