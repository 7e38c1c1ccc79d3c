package dev.roadie.voice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloseRulesTest {

    @Test
    void every_close_code_discord_documents_has_a_rule_of_its_own() {
        for (int code : new int[] {4001, 4002, 4003, 4004, 4005, 4006, 4009, 4011, 4012, 4014, 4015, 4016, 4017, 4020, 4021, 4022}) {
            assertThat(CloseRules.forCode(code, null).reason()).as("code %d", code).doesNotContain("closed with code");
        }
    }

    @Test
    void codes_discord_says_not_to_reconnect_on_give_up() {
        for (int code : new int[] {4014, 4021, 4022, 4006, 4004}) {
            assertThat(CloseRules.forCode(code, null).action()).as("code %d", code).isEqualTo(CloseAction.GIVE_UP);
        }
    }

    @Test
    void a_crashed_server_is_resumed_and_a_timed_out_session_identified_again() {
        assertThat(CloseRules.forCode(4015, null).action()).isEqualTo(CloseAction.RESUME);
        assertThat(CloseRules.forCode(4009, null).action()).isEqualTo(CloseAction.IDENTIFY);
    }

    @Test
    void an_undocumented_code_is_network_loss_and_says_what_the_server_said() {
        CloseRule rule = CloseRules.forCode(1011, "overloaded");
        assertThat(rule.action()).isEqualTo(CloseAction.RESUME);
        assertThat(rule.reason()).contains("1011").contains("overloaded");
    }
}
