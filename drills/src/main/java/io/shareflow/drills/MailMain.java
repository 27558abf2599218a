package io.shareflow.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.embedded.mail.MailCatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMTP server of a drill in a process of its own: the capturing server on {@code args[0]}, its JSON API
 * ({@code /api/messages}) on {@code args[1]}. On SIGTERM it stops taking mail first, then writes all it captured to
 * {@code args[2]} (the fields of {@code /api/messages} the harness reads), so the harness loses nothing the server accepted.
 */
public final class MailMain {

    private MailMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MailCatcher mail = new MailCatcher(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        Path keep = Path.of(args[2]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.stopSmtp();
            try {
                List<Map<String, Object>> entries = new ArrayList<>();
                for (CapturedMessage m : mail.messages()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("messageId", m.messageId());
                    entry.put("to", m.to());
                    entry.put("subject", m.subject());
                    entry.put("receivedAt", m.receivedAt().toString());
                    entries.add(entry);
                }
                Files.writeString(keep, JsonMapper.builder().build().writeValueAsString(entries));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                mail.stop();
            }
        }, "mail-shutdown"));
        mail.start();
        System.out.println("mail up: SMTP " + mail.smtpPort() + ", HTTP " + mail.httpUrl());
        Thread.currentThread().join();
    }
}
