package dev.emporium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderValuesTest {

    @Test
    void decidesEveryCodePointAsSpringSecuritysDefaultDoes() {
        int differences = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String value = "a" + Character.toString(c) + "b";
            if (HeaderValues.allowed(value) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value)) {
                differences++;
            }
        }
        assertThat(differences).isZero();
    }

    @Test
    void decidesLoneSurrogatesAndWholeValuesAsTheDefaultDoes() {
        String[] values = {"", "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "tab\there", "\uD83D", "x\uDE00y",
                "\uD83D\uDE00", "line\nbreak", "nul\u0000", "del\u007F", "next\u0085line", "caf\u00E9", "\uFFFF"};
        for (String value : values) {
            assertThat(HeaderValues.allowed(value)).as(value).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
        }
        assertThat(HeaderValues.allowed("line\nbreak")).isFalse();
        assertThat(HeaderValues.allowed("tab\there")).isTrue();
    }
}
