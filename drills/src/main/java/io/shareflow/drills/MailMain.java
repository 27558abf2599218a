package io.shareflow.drills;

import io.shareflow.embedded.mail.MailCatcher;

/**
 * The SMTP server of a drill in a process of its own: the capturing server on {@code args[0]}, its JSON API
 * ({@code /api/messages}) on {@code args[1]}. What it captured lives as long as the process.
 */
public final class MailMain {

    private MailMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MailCatcher mail = new MailCatcher(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "mail-shutdown"));
        mail.start();
        System.out.println("mail up: SMTP " + mail.smtpPort() + ", HTTP " + mail.httpUrl());
        Thread.currentThread().join();
    }
}
