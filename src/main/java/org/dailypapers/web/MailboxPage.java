package org.dailypapers.web;

import java.util.List;
import org.dailypapers.mail.Outbox;

/** The development mailbox: the newest messages of the outbox, at most {@code shown}. */
public record MailboxPage(String directory, List<Outbox.Message> messages, int shown) {}
