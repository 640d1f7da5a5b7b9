package dev.accounts.devkit;

/** A key attribute of a table or index: its name and DynamoDB scalar type (S, N or B). */
public record KeyAttribute(String name, String type) {
}
