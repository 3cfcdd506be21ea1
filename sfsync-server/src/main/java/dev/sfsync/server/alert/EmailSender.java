package dev.sfsync.server.alert;

import dev.sfsync.engine.config.AlertDestination;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;
import java.util.Properties;
import java.util.function.Supplier;

/** Alerts by email over SMTP (STARTTLS when the destination asks for it). */
final class EmailSender implements Sender {
    private final AlertDestination.Email destination;
    private final Supplier<String> username;
    private final Supplier<String> password;

    EmailSender(AlertDestination.Email destination, Supplier<String> username, Supplier<String> password) {
        this.destination = destination;
        this.username = username;
        this.password = password;
    }

    @Override
    public void send(AlertEvent event) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", destination.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(destination.smtpPort()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(destination.startTls()));
        String user = username.get();
        Authenticator authenticator = null;
        if (user != null) {
            properties.put("mail.smtp.auth", "true");
            String secret = password.get();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, secret);
                }
            };
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties, authenticator));
            message.setFrom(new InternetAddress(destination.from()));
            for (String to : destination.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            String text = event.text();
            message.setSubject(text.substring(0, text.indexOf('\n')), "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(Date.from(event.at()));
            Transport.send(message);
        } catch (MessagingException e) {
            throw new DeliveryFailed("SMTP " + destination.smtpHost() + ":" + destination.smtpPort() + " refused the mail: " + e.getMessage(), true, e);
        }
    }
}
