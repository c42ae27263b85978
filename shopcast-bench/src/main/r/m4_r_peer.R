# R forecast peer for M4Evaluation: ets(), thetaf() and auto.arima() on an M4 subset with the
# official protocol (sMAPE, MASE with the season period). Usage, from the checkout root:
#   Rscript shopcast-bench/src/main/r/m4_r_peer.R ../shared/data/m4 Hourly 40 [ets,theta,arima] [progress.tsv]
# Needs Debian r-cran-forecast (8.20 here). Prints a Markdown table with wall time per model.
# With a progress file, appends one line per series (model, index, id, sMAPE, MASE, wall seconds,
# CPU seconds) so a run stopped early can still be scored on the series it finished; a second run
# with the same progress file skips the series already there (resume), and the table covers all
# the series in the file. CPU seconds (user + system of this R process) stay fair when the run
# shares the machine, e.g. under `nice -n 19`.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "../shared/data/m4"
set <- if (length(args) > 1) args[2] else "Hourly"
limit <- if (length(args) > 2) as.integer(args[3]) else .Machine$integer.max
wanted <- if (length(args) > 3) strsplit(args[4], ",")[[1]] else c("ets", "theta", "arima")
progress <- if (length(args) > 4) args[5] else NA
# "reverse" walks the series from the last one, so a second process can work towards the first
order <- if (length(args) > 5) args[6] else "forward"
m <- if (set == "Hourly") 24 else 1
read_m4 <- function(f) {
  x <- read.csv(f, stringsAsFactors = FALSE)
  lapply(seq_len(nrow(x)), function(i) { v <- as.numeric(x[i, -1]); v[!is.na(v)] })
}
ids <- read.csv(file.path(dir, paste0(set, "-train.csv")), stringsAsFactors = FALSE)[, 1]
tr <- read_m4(file.path(dir, paste0(set, "-train.csv")))
te <- read_m4(file.path(dir, paste0(set, "-test.csv")))
n <- min(limit, length(tr))
h <- length(te[[1]])
smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))
mase <- function(x, y, f) mean(abs(y - f)) / mean(abs(diff(x, lag = m)))
models <- list(
  ets = function(x) forecast(ets(x), h = h)$mean,
  theta = function(x) thetaf(x, h = h)$mean,
  arima = function(x) forecast(auto.arima(x), h = h)$mean)
cat(sprintf("R forecast %s, M4 %s: %d series, h = %d, MASE period %d\n\n",
            packageVersion("forecast"), set, n, h, m))
cat("| model | sMAPE | MASE | wall s | CPU s (all series) |\n|---|---|---|---|---|\n")
done <- if (!is.na(progress) && file.exists(progress) && file.size(progress) > 0) {
  read.table(progress, sep = "\t", col.names = c("model", "i", "id", "smape", "mase", "wall", "cpu"),
             colClasses = c("character", "integer", "character", rep("numeric", 4)))
} else NULL
cpu_now <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
for (name in intersect(names(models), wanted)) {
  t0 <- Sys.time()
  s <- 0; ms <- 0; cpu <- 0; k <- 0
  skip <- if (is.null(done)) integer(0) else done$i[done$model == name]
  for (i in if (order == "reverse") rev(seq_len(n)) else seq_len(n)) {
    if (i %in% skip) {
      row <- done[done$model == name & done$i == i, ][1, ]
      s <- s + row$smape; ms <- ms + row$mase; cpu <- cpu + row$cpu; k <- k + 1
      next
    }
    t1 <- Sys.time(); c1 <- cpu_now()
    x <- ts(tr[[i]], frequency = m)
    f <- as.numeric(models[[name]](x))
    si <- smape(te[[i]], f); mi <- mase(tr[[i]], te[[i]], f)
    ci <- cpu_now() - c1
    s <- s + si; ms <- ms + mi; cpu <- cpu + ci; k <- k + 1
    if (!is.na(progress)) {
      cat(sprintf("%s\t%d\t%s\t%.6f\t%.6f\t%.3f\t%.3f\n", name, i, ids[i], si, mi,
                  as.numeric(difftime(Sys.time(), t1, units = "secs")), ci),
          file = progress, append = TRUE)
    }
  }
  secs <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
  cat(sprintf("| R %s | %.3f | %.3f | %.1f (this run) | %.1f |\n", name, s / k, ms / k, secs, cpu))
}
