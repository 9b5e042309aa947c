package glyphstream.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadmeConfigTableTest {

    @Test
    void readmeShouldCarryTheConfigurationTableOfEverySetting() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(ConfigTable.markdown()),
                "README.md's configuration table is out of date: paste the output of `./glyphstream config --markdown`");
    }
}
