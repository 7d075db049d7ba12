/** The convkit command line. Wires the modules together; all logic lives in the library. */
module org.convkit.cli {
    requires org.convkit.api;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.desktop;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;

    opens org.convkit.cli to info.picocli;
}
