package dev.cairn.local.template;

/** A template this code cannot read or resolve; the message says what and where. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
