package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinningTest {

    @Test
    void the_allowed_cpus_are_read_from_ranges_and_lists() {
        assertThat(Pinning.allowed("Name:\tjava\nCpus_allowed_list:\t0-1\nMems_allowed:\t1\n")).containsExactly(0, 1);
        assertThat(Pinning.allowed("Cpus_allowed_list:\t0,2-4,7\n")).containsExactly(0, 2, 3, 4, 7);
        assertThat(Pinning.allowed("Cpus_allowed_list:\t3\n")).containsExactly(3);
    }
}
