package org.glasshouse;

import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.spark.SparkSessionProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Spring context: job repository, jobs and the shared services their steps use. */
@SpringBootApplication
// Settings are bound from config/application.yml: GlasshouseProperties and any @ConfigurationProperties record of
// one area (its defaults written once, in application.yml) are found by this scan.
@ConfigurationPropertiesScan
public class GlasshouseApplication {

    @Bean(destroyMethod = "close")
    public SparkSessionProvider sparkSessionProvider(GlasshouseProperties props) {
        return new SparkSessionProvider(props.getSpark());
    }

    @Bean
    public ContractCatalog contractCatalog(GlasshouseProperties props) {
        String dir = props.getContractsDir();
        return ContractCatalog.load(dir == null || dir.isBlank() ? null : java.nio.file.Path.of(dir));
    }
}
