package dev.strata.spi;

import java.io.IOException;
import java.util.List;

/**
 * Reads examples for one split ({@code data.train} or {@code data.test}) of a spec. Parameters of
 * type {@link ParamType#PATH} arrive resolved and checked to exist.
 * A file that is not what it should be is reported with a {@link BadInputException} naming the file
 * and what was expected; an {@link IOException} is for failures of the file system itself.
 *
 * <p>Lifetime: {@link DataSourceFactory#create} is called each time a spec's data is loaded; the
 * engine then calls {@link #read} for each split and {@link #classNames} at most once, on one thread.
 * Experimental: this interface will change when data stays in its stored type and may be streamed.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface DataSource {
    Examples read(Params split) throws IOException;

    /** The class names named by {@code data.class_names}, in class-index order. */
    default List<String> classNames(Params classNames) throws IOException {
        throw new BadInputException("this data format takes no class_names block", "remove data.class_names");
    }
}
