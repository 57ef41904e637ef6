package org.dailypapers.web;

/** What went wrong, for people: the status, a title and a sentence that says what to do. */
public record ErrorPage(int status, String title, String message) {}
