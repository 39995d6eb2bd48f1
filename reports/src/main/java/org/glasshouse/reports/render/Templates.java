package org.glasshouse.reports.render;

import java.nio.charset.StandardCharsets;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The Thymeleaf engine for the site: HTML mode, templates under classpath {@code /templates/}. */
final class Templates {
    private static final TemplateEngine ENGINE = create();

    private Templates() {
    }

    static String render(String template, String variable, Object value) {
        Context context = new Context();
        context.setVariable(variable, value);
        return ENGINE.process(template, context);
    }

    private static TemplateEngine create() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
