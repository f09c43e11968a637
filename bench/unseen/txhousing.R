# Texas housing sales (ggplot2's txhousing) for the held-out sets: `txsales(city)` is one city's monthly
# sales, and `txadd(first)` adds to the calling script's `sources` and `specs` every fifth city in
# alphabetical order from the `first`, those whose sales have no gap, as `tx.<City>`. Sourced by
# ../unseen4/export.R and ../unseen5/export.R after loading ggplot2 and defining `sources` and `specs`.
txsales <- function(city) {
  rows <- txhousing[txhousing$city == city, ]
  rows <- rows[order(rows$year, rows$month), ]
  ts(rows$sales, start = c(rows$year[1], rows$month[1]), frequency = 12)
}
txadd <- function(first) {
  cities <- sort(unique(txhousing$city))
  for (city in Filter(function(city) !anyNA(txsales(city)), cities[seq(first, length(cities), by = 5)])) {
    name <- paste0("tx.", gsub("[^A-Za-z]", "", city))
    local({ one <- city; sources[[name]] <<- function() txsales(one) })
    specs[[name]] <<- 12
  }
}
