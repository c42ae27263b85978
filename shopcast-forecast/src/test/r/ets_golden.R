# Golden values for EtsTest's seasonal m = 24 case: R's forecast::ets on M4 series H4
# (shopcast-testkit fixtures/m4/Hourly-train-head5.csv, 700 hourly values). Run from the checkout root:
#   Rscript shopcast-forecast/src/test/r/ets_golden.R
# Writes shopcast-forecast/src/test/resources/org/shopcast/forecast/ets/h4-ets-fit.csv (per model:
# method, logLik, AICc, alpha, beta, gamma, phi) and h4-ets-forecast.csv (h = 48 point forecasts).
suppressMessages(library(forecast))
tr <- read.csv("shopcast-testkit/src/main/resources/fixtures/m4/Hourly-train-head5.csv",
               header = TRUE, stringsAsFactors = FALSE)
row <- tr[tr$V1 == "H4", -1]
y <- as.numeric(row[1, ])
y <- ts(y[!is.na(y)], frequency = 24)
fits <- list(auto = ets(y),  # ZZZ: all admissible models by AICc
             MAdM = ets(y, model = "MAM", damped = TRUE),
             ANA = ets(y, model = "ANA"),
             MNM = ets(y, model = "MNM"))
out <- "shopcast-forecast/src/test/resources/org/shopcast/forecast/ets/"
hdr <- sprintf("# R %s, forecast %s, %s: ets(ts(H4, frequency = 24), model = ...); forecast(fit, h = 48)",
               getRversion(), packageVersion("forecast"), Sys.Date())
par <- function(f, p) if (is.na(f$par[p])) NA else unname(f$par[p])
s <- data.frame(fit = names(fits), method = sapply(fits, function(f) f$method),
                loglik = sapply(fits, function(f) f$loglik), aicc = sapply(fits, function(f) f$aicc),
                alpha = sapply(fits, par, "alpha"), beta = sapply(fits, par, "beta"),
                gamma = sapply(fits, par, "gamma"), phi = sapply(fits, par, "phi"))
s$method <- gsub(",", "", gsub("ETS\\(|\\)", "", s$method))
con <- file(paste0(out, "h4-ets-fit.csv"), "w")
writeLines(hdr, con)
write.csv(format(s, digits = 12), con, row.names = FALSE, quote = FALSE)
close(con)
f <- as.data.frame(lapply(fits, function(f) as.numeric(forecast(f, h = 48, PI = FALSE)$mean)))
con <- file(paste0(out, "h4-ets-forecast.csv"), "w")
writeLines(hdr, con)
write.csv(format(f, digits = 12), con, row.names = FALSE, quote = FALSE)
close(con)
