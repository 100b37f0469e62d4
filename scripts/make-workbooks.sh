#!/usr/bin/env bash
# Makes the workbooks in Workbooks/ from the templates and the figures of the seed decisions:
#   bilaga1-civilt-forsvar-2023.kalk      Bilaga 1, civilt försvar 2023 (the template's defaults)
#   vardkapacitet-2024.kalk               vårdkapacitet 2024, 21 × 500 000 + 1 500 000 kr
#   aktiviteter-jamtland-harjedalen-2025.kalk   RS/229/2025, 26 amounts, 147 463 000 kr
# usage: scripts/make-workbooks.sh [OUTPUT-DIR] [KALKYL]   (default: Workbooks, .build/debug/kalkyl)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Workbooks}
kalkyl=${2:-.build/debug/kalkyl}
mkdir -p "$out"

"$kalkyl" new grundbelopp-befolkningsandel --force -o "$out/bilaga1-civilt-forsvar-2023.kalk" >/dev/null
"$kalkyl" new lika-fordelning --force -o "$out/vardkapacitet-2024.kalk" >/dev/null

book="$out/aktiviteter-jamtland-harjedalen-2025.kalk"
"$kalkyl" new aktivitetstabell --force -o "$book" \
    --set region="Region Jämtland Härjedalen" \
    --set statsbidrag="Stärkt tillgänglighet och ökad vårdkapacitet inom den specialiserade hälso- och sjukvården" \
    --set ar=2025 --set diarienummer=RS/229/2025 --set bidrag=147463000 >/dev/null

# One row per activity: point, activity, receiver, then Kir Med "Nära vård" VUP Regionen.
row=1
activity() {
    row=$((row + 1))
    local edits=("Aktiviteter!A$row='$1" "Aktiviteter!B$row=$2" "Aktiviteter!C$row=$3")
    local column
    shift 3
    for column in D E F G H; do
        if [ -n "${1:-}" ]; then edits+=("Aktiviteter!$column$row=$1"); fi
        shift || true
    done
    "$kalkyl" set "$book" "${edits[@]}" >/dev/null
}
#        punkt      aktivitet                                                                      mottagare  Kir       Med       Nära vård VUP      Regionen
activity "1"        "Arbeta med PKS övergripande och på verksamhetsnivå, produktionsplan"          Regionen   ""        ""        ""        ""       500000
activity "2"        "Samverkansavtal St Olav: nära vård, erfarenhetsutbyte, forskning, utbildning"  Regionen   ""        ""        ""        ""       8000000
activity "3"        "Vårdhotell, nyinrättad vårdnivå"                                              HS         1500000   1500000
activity "4, 5, 6"  "Dialogyta HR och ledningsgrupper, riktlinjer, studiemedel"                    Regionen   ""        ""        ""        ""       7177000
activity "7"        "Hyr: läkare, sjuksköterskor, audionomer, extern granskning rtg m.m."          HS         36600000  21021000  28600000
activity "8"        "Jämtlandsmodellen"                                                            HS
activity "9"        "Webbtidbok"                                                                   HS         ""        600000    1600000
activity "10"       "Remissflöde och konsultation inom psykiatri"                                  HS         ""        ""        715000
activity "11"       "VUP: köpa vård, samverka (utredningar ADHD, komplex PTSD)"                    Regionen   ""        ""        ""        6600000
activity "11"       "KIR: lämna ifrån oss överkapacitet"                                           Regionen   500000
activity "11"       "KIR: köpt vård, ortopedi och ögon"                                            Regionen   6900000
activity "12"       "Extra mottagningar, ex. ögon och röntgen"                                     HS         650000    1400000
activity "13"       "Minska andelen mångbesökare på akuten"                                        HS         ""        350000
activity "14"       "Shuntoperationer"                                                             HS         ""        1800000
activity "15"       "Standardiserat vårdförlopp för hjärtsvikt"                                    HS         ""        700000
activity "7"        "Specialisttandvården utbildar egen personal"                                  HS         ""        ""        150000
activity "16"       "Mobil verksamhet, vården närmare patienten"                                   HS         ""        5400000   5000000
activity "17"       "Ambulanssjukvården: inre befäl, bedömningsbilar"                              HS         ""        ""        5800000
activity "18"       "Filialer för barn och unga via BUP, ex. Sveg"                                 HS         ""        ""        1800000
activity ""         "Sjuksköterskebaserad mottagning, väntelistor och rätt vårdnivå"               HS         ""        600000
activity "7"        "Förstärkningsplatser kirurgen"                                                HS         2000000
echo "wrote $out/bilaga1-civilt-forsvar-2023.kalk, $out/vardkapacitet-2024.kalk, $book"
