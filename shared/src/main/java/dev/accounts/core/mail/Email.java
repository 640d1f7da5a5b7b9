package dev.accounts.core.mail;

/** One e-mail to one recipient, with a plain-text and an HTML body. */
public record Email(String to, String subject, String text, String html) {}
