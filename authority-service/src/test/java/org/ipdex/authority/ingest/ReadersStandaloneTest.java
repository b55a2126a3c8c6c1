package org.ipdex.authority.ingest;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Readers#standalone} names its readers by hand (the command-line tool has no bean context to find them):
 * every reader class of this package must be in it, so that a new layout cannot be forgotten there.
 */
class ReadersStandaloneTest {

    @Test
    void standaloneReadersAreEveryReaderClassOfThePackage() throws Exception {
        Path folder = Path.of(AuthorityFileReader.class.getResource("AuthorityFileReader.class").toURI()).getParent();
        List<String> layouts;
        try (Stream<Path> files = Files.list(folder)) {
            layouts = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> "org.ipdex.authority.ingest." + name.substring(0, name.length() - 6))
                    .map(ReadersStandaloneTest::load)
                    .filter(type -> AuthorityFileReader.class.isAssignableFrom(type) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers()))
                    .map(ReadersStandaloneTest::layout).sorted().toList();
        }
        assertEquals(layouts, Readers.standalone(IngestProperties.defaults()).layouts());
        assertEquals(List.of("delimited", "epo-csv", "st37-xml", "uspto-tsv"), layouts);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ReadersStandaloneTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String layout(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return ((AuthorityFileReader) constructor.newInstance()).layout();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
