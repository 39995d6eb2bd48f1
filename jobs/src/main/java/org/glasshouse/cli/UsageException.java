package org.glasshouse.cli;

/** Bad command-line usage: exit code 2 with a message and the usage text. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
