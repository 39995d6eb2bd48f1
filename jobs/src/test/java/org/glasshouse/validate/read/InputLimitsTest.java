package org.glasshouse.validate.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The limits are bound from config/application.yml, once, and never run unbounded. */
class InputLimitsTest {

    @Test
    void theEmbeddedDefaultsAreTheDocumentedOnes() {
        InputLimits d = InputLimits.defaults();
        assertThat(d).isEqualTo(new InputLimits(524_288_000L, 1_048_576, 65_536, 1000, 268_435_456L, 1_000_000,
                32, 100, 1000, 50));
    }

    @Test
    void theOlderSettingNameOfTheFileSizeLimitStillWorks() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("operator",
                Map.of("glasshouse.validation.max-file-bytes", "12345")));
        new YamlPropertySourceLoader().load("yml", new ClassPathResource("config/application.yml"))
                .forEach(env.getPropertySources()::addLast);
        assertThat(Binder.get(env).bind("glasshouse.limits", InputLimits.class).get().fileBytes()).isEqualTo(12345);
    }

    @Test
    void aMissingOrZeroLimitIsRefusedRatherThanReadWithoutBounds() {
        assertThatThrownBy(() -> new InputLimits(1, 1, 1, 1, 0, 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new InputLimits(1, 10, 20, 1, 1, 1, 1, 1, 1, 1))
                .hasMessageContaining("field-chars (20) cannot exceed glasshouse.limits.line-chars (10)");
    }
}
