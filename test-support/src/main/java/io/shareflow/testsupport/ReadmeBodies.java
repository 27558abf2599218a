package io.shareflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The request bodies of the documentation's {@code curl} examples ({@code -d '{…}'}, and the walkthrough's
 * {@code post /v1/… '{…}'}), each with the path it is sent to: what the services' strict parsing (unknown fields are a
 * 400) must still accept. Read from the READMEs, {@code docs/*.md} and what local-stack prints.
 */
public final class ReadmeBodies {

    private static final Pattern CURL_BODY = Pattern.compile("-d '(\\{.*?\\})'", Pattern.DOTALL);
    private static final Pattern POST_HELPER = Pattern.compile("post (/v1/\\S+) '(\\{.*?\\})'", Pattern.DOTALL);
    private static final Pattern PATH = Pattern.compile("/v1/[A-Za-z0-9_$<>{}%./-]*");
    private static final Pattern METHOD = Pattern.compile("-X ([A-Z]+)");

    /** One example: where it is written, the method ({@code -X}, else POST), the path (placeholders as written), the body. */
    public record Example(String file, String method, String path, String body) {

        /** The path with every placeholder segment ({@code $LOG}, {@code <shareId>}, {@code %s}, {@code {id}}) replaced. */
        public String path(String replacement) {
            return path.replaceAll("/(\\$[A-Za-z_]+|<[^/>]+>|%s|\\{[^/}]+})", "/" + replacement);
        }

        @Override
        public String toString() {
            return file + ": " + method + " " + path + " " + (body.length() > 70 ? body.substring(0, 70) + "…" : body);
        }
    }

    private ReadmeBodies() {
    }

    /** Every example under {@code root} (the repository) whose path starts with one of {@code prefixes}. */
    public static List<Example> under(Path root, String... prefixes) {
        List<Example> examples = new ArrayList<>();
        for (Path file : documents(root)) {
            String text = read(file);
            String name = root.relativize(file).toString();
            Matcher curl = CURL_BODY.matcher(text);
            while (curl.find()) {
                String command = text.substring(Math.max(0, text.lastIndexOf("curl", curl.start())), curl.start());
                Matcher method = METHOD.matcher(command);
                Matcher path = PATH.matcher(command);
                String last = null;
                while (path.find()) {
                    last = path.group();
                }
                if (last != null) {
                    examples.add(new Example(name, method.find() ? method.group(1) : "POST", last, curl.group(1)));
                }
            }
            Matcher post = POST_HELPER.matcher(text);
            while (post.find()) {
                examples.add(new Example(name, "POST", post.group(1), post.group(2)));
            }
        }
        return examples.stream().filter(e -> Stream.of(prefixes).anyMatch(e.path()::startsWith)).toList();
    }

    private static List<Path> documents(Path root) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 4)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> p.getFileName().toString().equals("README.md")
                            || (p.getParent() != null && p.getParent().getFileName().toString().equals("docs")
                                && p.toString().endsWith(".md")))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> walk = Files.walk(root.resolve("local-stack/src/main/java"))) {
            walk.filter(p -> p.getFileName().toString().equals("LocalStack.java")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
