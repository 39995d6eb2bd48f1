package org.glasshouse.publish;

import java.nio.file.Path;

/**
 * Test helper run in a child JVM: publishes a staged folder and halts the JVM (like kill -9: no shutdown hooks, no
 * cleanup) when the publish reaches the given stage.
 * Arguments: releases-dir entry-point staged-dir release-id stage.
 */
public final class PublishAndHalt {

    private PublishAndHalt() {}

    public static void main(String[] args) throws Exception {
        ReleasePublisher.Stage haltAt = ReleasePublisher.Stage.valueOf(args[4]);
        new ReleasePublisher(Path.of(args[0]), Path.of(args[1]), stage -> {
            if (stage == haltAt) Runtime.getRuntime().halt(137);
        }).publish(Path.of(args[2]), args[3]);
    }
}
