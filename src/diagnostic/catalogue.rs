//! The Indonesian catalogue of the diagnostics: per code, the English pattern of a message or
//! hint and its Indonesian template. See [`super::translate`] for the syntax (`{}` in the
//! pattern; `{0}`, `{1:list}`, `{0:msg}`, `{0:phrase}` in the template).
//!
//! Style: plain, polite, official Indonesian as a Bappeda planner writes it; field keys, codes,
//! commands and values stay in backticks, untranslated. "berkas" for file, "folder" for folder,
//! "program" for programme, "isian" for a field of the YAML files.
//!
//! To add a diagnostic: add its message (and hint) pattern under its code, in code order; the
//! test `tests/lang.rs` names every code and text that has no entry.

/// (code or `*`, English pattern, Indonesian template) of messages.
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    // --- Shared by every code: texts composed around another message.
    ("*", "{} (column `{}` / {})", "{0:msg} (kolom `{1}` / {2})"),
    // --- Reading the files (E00xx).
    (
        "E0001",
        "YAML syntax error: a tab character in the indentation",
        "kesalahan penulisan YAML: ada karakter tab pada indentasi",
    ),
    (
        "E0001",
        "YAML syntax error: {}",
        "kesalahan penulisan YAML: {0}",
    ),
    (
        "E0001",
        "{} holds more than one YAML document (`---`)",
        "{0} berisi lebih dari satu dokumen YAML (`---`)",
    ),
    (
        "E0001",
        "an alias (`*name`) refers to an anchor (`&name`) that is not defined before it",
        "sebuah alias (`*nama`) merujuk ke anchor (`&nama`) yang belum didefinisikan sebelumnya",
    ),
    (
        "E0002",
        "{} is saved as {}, not UTF-8",
        "{0} tersimpan dalam pengodean {1}, bukan UTF-8",
    ),
    (
        "E0002",
        "{} holds a NUL byte (0x00) at line {}, column {}: it is not a text file",
        "{0} memuat bita NUL (0x00) pada baris {1}, kolom {2}: berkas ini bukan berkas teks",
    ),
    (
        "E0002",
        "{} is not valid UTF-8: byte 0x{} at line {}, column {}",
        "{0} bukan UTF-8 yang sah: bita 0x{1} pada baris {2}, kolom {3}",
    ),
    ("E0002", "{} is not valid UTF-8", "{0} bukan UTF-8 yang sah"),
    ("E0003", "{} is empty", "{0} kosong"),
    (
        "E0004",
        "duplicate key `{}` in one mapping",
        "kunci `{0}` tertulis dua kali dalam satu kelompok",
    ),
    (
        "E0004",
        "duplicate key in one mapping",
        "ada kunci yang tertulis dua kali dalam satu kelompok",
    ),
    (
        "E0004",
        "the field `{}` appears on two rows",
        "isian `{0}` muncul pada dua baris",
    ),
    (
        "E0005",
        "{} expands aliases (`*name`) to more than {} values; refusing to read it",
        "{0} menjabarkan alias (`*nama`) menjadi lebih dari {1} nilai; berkas tidak dibaca",
    ),
    (
        "E0005",
        "{} is too large ({} bytes; the limit is {} bytes)",
        "{0} terlalu besar ({1} bita; batasnya {2} bita)",
    ),
    (
        "E0005",
        "{} is too large (the limit is {} bytes)",
        "{0} terlalu besar (batasnya {1} bita)",
    ),
    (
        "E0005",
        "{} is too large or too deeply nested to read safely (limit reached: {})",
        "{0} terlalu besar atau terlalu dalam susunannya untuk dibaca dengan aman (batas yang tercapai: {1})",
    ),
    (
        "E0005",
        "{} expands aliases (`*name`) too many times to read safely",
        "{0} terlalu sering menjabarkan alias (`*nama`) untuk dibaca dengan aman",
    ),
    (
        "E0010",
        "wrong type: expected {}, found {}",
        "jenis nilai salah: seharusnya {0:phrase}, tertulis {1:phrase}",
    ),
    (
        "E0010",
        "wrong type: expected {}",
        "jenis nilai salah: seharusnya {0:phrase}",
    ),
    (
        "E0010",
        "wrong length: expected {}, found {} items",
        "jumlah butir salah: seharusnya {0:phrase}, tertulis {1} butir",
    ),
    (
        "E0011",
        "missing required field `{}`",
        "isian wajib `{0}` belum ada",
    ),
    (
        "E0011",
        "missing required field `{}` ({}) {}",
        "isian wajib `{0}` ({1}) belum diisi {2:phrase}",
    ),
    (
        "E0011",
        "missing the dimension of this row",
        "dimensi baris ini belum diisi",
    ),
    ("E0012", "unknown field `{}`", "isian `{0}` tidak dikenal"),
    (
        "E0013",
        "unknown value `{}`; expected {}",
        "nilai `{0}` tidak dikenal; seharusnya {1:list}",
    ),
    ("E0013", "unknown {} `{}`", "{0:phrase} `{1}` tidak dikenal"),
    (
        "E0014",
        "could not read {}: {}",
        "{0} tidak dapat dibaca: {1:phrase}",
    ),
    (
        "E0014",
        "could not read {}: {}",
        "{0} tidak dapat dibaca: {1}",
    ),
    (
        "E0014",
        "could not read the folder pokja/: {}",
        "folder pokja/ tidak dapat dibaca: {0}",
    ),
    (
        "E0014",
        "could not read the folder {}/: {}",
        "folder {0}/ tidak dapat dibaca: {1}",
    ),
    (
        "E0014",
        "the taxonomy file `{}` is not read: {}",
        "berkas taksonomi `{0}` tidak dibaca: {1:phrase}",
    ),
    (
        "E0014",
        "the logo `{}` is not read: {}",
        "logo `{0}` tidak dibaca: {1:phrase}",
    ),
    (
        "E0030",
        "could not read {}: {}",
        "{0} tidak dapat dibaca: {1:phrase}",
    ),
    (
        "E0030",
        "the taxonomy file `{}` is not read: {}",
        "berkas taksonomi `{0}` tidak dibaca: {1:phrase}",
    ),
    (
        "E0030",
        "the logo `{}` is not read: {}",
        "logo `{0}` tidak dibaca: {1:phrase}",
    ),
    (
        "E0031",
        "could not read {}: {}",
        "{0} tidak dapat dibaca: {1:phrase}",
    ),
    (
        "E0031",
        "the taxonomy file `{}` is not read: {}",
        "berkas taksonomi `{0}` tidak dibaca: {1:phrase}",
    ),
    (
        "E0031",
        "the logo `{}` is not read: {}",
        "logo `{0}` tidak dibaca: {1:phrase}",
    ),
    (
        "*",
        "could not read {}: {}",
        "{0} tidak dapat dibaca: {1:phrase}",
    ),
    (
        "*",
        "the taxonomy file `{}` is not read: {}",
        "berkas taksonomi `{0}` tidak dibaca: {1:phrase}",
    ),
    (
        "*",
        "the logo `{}` is not read: {}",
        "logo `{0}` tidak dibaca: {1:phrase}",
    ),
    (
        "E0032",
        "`{}` is too long ({} bytes; a text field holds at most {} bytes)",
        "`{0}` terlalu panjang ({1} bita; isian teks memuat paling banyak {2} bita)",
    ),
    (
        "E0033",
        "the project's files are too large together: with {} they exceed {} bytes",
        "berkas-berkas proyek secara keseluruhan terlalu besar: dengan {0} jumlahnya melebihi {1} bita",
    ),
    (
        "W0020",
        "`{}` holds Markdown that a field may not use: {}",
        "`{0}` memuat Markdown yang tidak boleh dipakai di isian ini: {1:phrases}",
    ),
    (
        "W0021",
        "`{}` holds the control character U+{}; it is left out of the document",
        "`{0}` memuat karakter kendali U+{1}; karakter itu tidak dimasukkan ke dokumen",
    ),
    // --- Templates (E0006-E0008, W0211).
    (
        "E0006",
        "syntax error: {}",
        "kesalahan penulisan templat: {0}",
    ),
    (
        "E0007",
        "undefined value: `{}` is undefined (`{}` has no field `{}`)",
        "nilai tidak terdefinisi: `{0}` tidak ada (`{1}` tidak punya isian `{2}`)",
    ),
    (
        "E0007",
        "undefined value: {}",
        "nilai tidak terdefinisi: {0}",
    ),
    ("E0007", "{}: {}", "{0}: {1}"),
    (
        "E0008",
        "the template does too much work: rendering ran out of its budget",
        "templat bekerja terlalu berat: penyusunan dokumen melampaui batas kerjanya",
    ),
    (
        "W0211",
        "`{}` is not the name of a built-in template, and no template includes it; it is ignored",
        "`{0}` bukan nama templat bawaan dan tidak disertakan oleh templat mana pun; berkas ini diabaikan",
    ),
    // --- masterplan.yaml (E01xx).
    (
        "E0100",
        "no masterplan.yaml in {} (the folder does not exist)",
        "tidak ada masterplan.yaml di {0} (folder tersebut tidak ada)",
    ),
    (
        "E0100",
        "no masterplan.yaml in {}",
        "tidak ada masterplan.yaml di {0}",
    ),
    (
        "E0101",
        "`region.province` is required for a {}",
        "`region.province` wajib diisi untuk {0}",
    ),
    (
        "E0102",
        "the period lasts {} years; a masterplan covers 5 to 20 years",
        "periode tertulis {0} tahun; masterplan mencakup 5 sampai 20 tahun",
    ),
    ("E0103", "the vision is empty", "visi masih kosong"),
    ("E0104", "there are no missions", "belum ada misi"),
    ("E0104", "this mission is empty", "misi ini masih kosong"),
    ("E0105", "there are no OPD", "belum ada OPD"),
    (
        "E0106",
        "OPD code `{}` is used twice (also at opd[{}])",
        "kode OPD `{0}` dipakai dua kali (juga di opd[{1}])",
    ),
    (
        "E0107",
        "`{}` is not a usable OPD code",
        "`{0}` tidak dapat dipakai sebagai kode OPD",
    ),
    (
        "E0108",
        "RPJMD mission id `{}` is used twice (also at rpjmd.missions[{}])",
        "id misi RPJMD `{0}` dipakai dua kali (juga di rpjmd.missions[{1}])",
    ),
    (
        "E0109",
        "the RPJMD period [{}, {}] ends before it starts",
        "periode RPJMD [{0}, {1}] berakhir sebelum dimulai",
    ),
    (
        "E0110",
        "the logo file `{}` does not exist",
        "berkas logo `{0}` tidak ada",
    ),
    (
        "E0111",
        "the logo `{}` is not a PNG or JPEG image",
        "logo `{0}` bukan gambar PNG atau JPEG",
    ),
    (
        "E0112",
        "the logo `{}` is outside the project folder",
        "logo `{0}` berada di luar folder proyek",
    ),
    (
        "E0112",
        "the logo `{}` links to a file outside the project folder",
        "logo `{0}` merupakan tautan ke berkas di luar folder proyek",
    ),
    (
        "E0113",
        "unknown taxonomy `{}`: not a built-in taxonomy and not a file in the project folder",
        "taksonomi `{0}` tidak dikenal: bukan taksonomi bawaan dan bukan berkas di folder proyek",
    ),
    (
        "E0114",
        "the taxonomy has no dimensions",
        "taksonomi ini tidak memiliki dimensi",
    ),
    (
        "E0114",
        "dimension key `{}` is not a valid key",
        "kunci dimensi `{0}` tidak sah",
    ),
    (
        "E0114",
        "dimension key `{}` is used twice (also at dimensions[{}])",
        "kunci dimensi `{0}` dipakai dua kali (juga di dimensions[{1}])",
    ),
    (
        "E0114",
        "dimension `{}` has no elements",
        "dimensi `{0}` tidak memiliki elemen",
    ),
    (
        "E0114",
        "element key `{}` is not a valid key",
        "kunci elemen `{0}` tidak sah",
    ),
    (
        "E0114",
        "element key `{}` is used twice in dimension `{}` (also at elements[{}])",
        "kunci elemen `{0}` dipakai dua kali dalam dimensi `{1}` (juga di elements[{2}])",
    ),
    (
        "E0115",
        "the region name is empty",
        "nama daerah masih kosong",
    ),
    (
        "E0115",
        "the name of OPD `{}` is empty",
        "nama OPD `{0}` masih kosong",
    ),
    (
        "E0116",
        "`{}` is not a plausible first year of a masterplan",
        "`{0}` tidak masuk akal sebagai tahun pertama masterplan",
    ),
    (
        "E0120",
        "the evaluation weights sum to {}, not 100 ({})",
        "jumlah bobot evaluasi {0}, bukan 100 ({1})",
    ),
    // --- Pokja files (E02xx, W02xx).
    (
        "E0201",
        "`dimension: {}` does not match the file name {}",
        "`dimension: {0}` tidak sesuai dengan nama berkas {1}",
    ),
    (
        "E0202",
        "pokja is a file, not a folder",
        "pokja adalah berkas, bukan folder",
    ),
    (
        "E0202",
        "`{}` is a folder; pokja/ holds only one YAML file per dimension",
        "`{0}` adalah folder; pokja/ hanya berisi satu berkas YAML untuk setiap dimensi",
    ),
    (
        "E0202",
        "`{}` has the extension .yml; pokja files end in .yaml",
        "`{0}` berekstensi .yml; berkas pokja berakhiran .yaml",
    ),
    (
        "E0202",
        "`{}` does not name a dimension of the taxonomy `{}`",
        "`{0}` bukan nama dimensi dalam taksonomi `{1}`",
    ),
    (
        "E0203",
        "unknown OPD code `{}` ({})",
        "kode OPD `{0}` tidak dikenal (`{1}`)",
    ),
    (
        "E0204",
        "programme id `{}` may only use capital letters, digits and `-`",
        "id program `{0}` hanya boleh memakai huruf kapital, angka, dan `-`",
    ),
    (
        "E0205",
        "programme id `{}` is already used in {} at programs[{}]",
        "id program `{0}` sudah dipakai di {1} pada programs[{2}]",
    ),
    (
        "E0206",
        "element `{}` belongs to dimension `{}`, not `{}`",
        "elemen `{0}` termasuk dimensi `{1}`, bukan `{2}`",
    ),
    (
        "E0206",
        "unknown element `{}` of dimension `{}`",
        "elemen `{0}` tidak dikenal dalam dimensi `{1}`",
    ),
    (
        "E0207",
        "start year {} of `{}` is outside the period {}-{}",
        "tahun mulai ({0}) `{1}` berada di luar periode {2}-{3}",
    ),
    (
        "E0207",
        "end year {} of `{}` is outside the period {}-{}",
        "tahun selesai ({0}) `{1}` berada di luar periode {2}-{3}",
    ),
    (
        "E0208",
        "`{}` ends in {} before it starts in {}",
        "`{0}` selesai pada {1}, sebelum dimulai pada {2}",
    ),
    (
        "E0209",
        "budget year {} is outside the years of `{}` ({}-{})",
        "tahun anggaran {0} berada di luar tahun pelaksanaan `{1}` ({2}-{3})",
    ),
    (
        "E0210",
        "target year {} of indicator `{}` is outside the period {}-{}",
        "tahun target {0} untuk indikator `{1}` berada di luar periode {2}-{3}",
    ),
    (
        "E0211",
        "`{}` depends on unknown programme `{}`",
        "`{0}` bergantung pada program `{1}` yang tidak dikenal",
    ),
    (
        "E0212",
        "`{}` depends on itself",
        "`{0}` bergantung pada dirinya sendiri",
    ),
    (
        "E0213",
        "dependency cycle: {}",
        "ketergantungan melingkar: {0}",
    ),
    (
        "E0214",
        "`{}` starts in {}, before `{}` (starts {}), which it depends on",
        "`{0}` dimulai pada {1}, sebelum `{2}` (dimulai {3}) yang menjadi prasyaratnya",
    ),
    (
        "E0215",
        "unknown RPJMD mission `{}`",
        "misi RPJMD `{0}` tidak dikenal",
    ),
    (
        "E0216",
        "{} {} is outside 1..=5",
        "{0:phrase} {1} berada di luar rentang 1..=5",
    ),
    (
        "E0217",
        "SDG {} does not exist; the goals are numbered 1 to 17",
        "SDG {0} tidak ada; tujuan SDGs bernomor 1 sampai 17",
    ),
    (
        "E0218",
        "programme `{}` has an empty name",
        "nama program `{0}` masih kosong",
    ),
    (
        "W0201",
        "{} is missing; the document will say the dimension has no programmes yet",
        "{0} belum ada; dokumen akan menyatakan bahwa dimensi ini belum memiliki program",
    ),
    (
        "W0202",
        "element `{}` ({}) of {} has no programme",
        "elemen `{0}` ({1}) pada {2} belum memiliki program",
    ),
    (
        "W0203",
        "`{}` has no indicator",
        "`{0}` belum memiliki indikator",
    ),
    (
        "W0204",
        "`{}` has no budget",
        "`{0}` belum memiliki anggaran",
    ),
    (
        "W0205",
        "`{}` has no output",
        "`{0}` belum memiliki keluaran (output)",
    ),
    (
        "W0206",
        "a budget line of `{}` has the amount 0",
        "salah satu baris anggaran `{0}` bernilai 0",
    ),
    (
        "W0207",
        "quick win `{}` starts in {}, not in the first year {}",
        "quick win `{0}` dimulai pada {1}, bukan pada tahun pertama {2}",
    ),
    (
        "W0208",
        "quick win `{}` lasts {} years; a quick win lasts at most one",
        "quick win `{0}` berlangsung {1} tahun; quick win paling lama satu tahun",
    ),
    (
        "W0209",
        "{} is empty (no fields, only blanks or comments); the document will say the dimension has no programmes yet",
        "{0} kosong (tidak ada isian, hanya baris kosong atau komentar); dokumen akan menyatakan bahwa dimensi ini belum memiliki program",
    ),
    (
        "W0210",
        "`{}` looks like an editor backup; it is ignored",
        "`{0}` tampaknya berkas cadangan editor; berkas ini diabaikan",
    ),
    (
        "W0220",
        "OPD `{}` leads 1 programme but has no `head`: its signature line on the commitment sheet is empty",
        "OPD `{0}` memimpin 1 program tetapi belum memiliki `head`: baris tanda tangannya pada lembar komitmen kosong",
    ),
    (
        "W0220",
        "OPD `{}` leads {} programmes but has no `head`: its signature line on the commitment sheet is empty",
        "OPD `{0}` memimpin {1} program tetapi belum memiliki `head`: baris tanda tangannya pada lembar komitmen kosong",
    ),
    (
        "W0221",
        "programme `{}` is still the example `masterplan init` wrote (its description is the scaffold's)",
        "program `{0}` masih berupa contoh dari `masterplan init` (deskripsinya masih deskripsi contoh)",
    ),
    (
        "W0222",
        "no `region.head`: the head of region's signature line on the commitment sheet is empty",
        "belum ada `region.head`: baris tanda tangan kepala daerah pada lembar komitmen kosong",
    ),
    // --- Monitoring and evaluation (E03xx, W03xx).
    (
        "E0301",
        "monitoring is a file, not a folder; the monitoring files are monitoring/<year>.yaml",
        "monitoring adalah berkas, bukan folder; berkas monitoring adalah monitoring/<tahun>.yaml",
    ),
    (
        "E0301",
        "{} is not a monitoring file: monitoring files are named <year>.yaml",
        "{0} bukan berkas monitoring: nama berkas monitoring adalah <tahun>.yaml",
    ),
    (
        "E0302",
        "{} names the year {}, which is not a year of the period ({})",
        "{0} menyebut tahun {1}, yang bukan tahun dalam periode ({2})",
    ),
    (
        "E0303",
        "`year: {}` disagrees with the file name {}",
        "`year: {0}` tidak sesuai dengan nama berkas {1}",
    ),
    (
        "E0304",
        "`{}` is not a date written YYYY-MM-DD",
        "`{0}` bukan tanggal dengan format YYYY-MM-DD",
    ),
    (
        "E0305",
        "`reported_by: {}` is not an OPD code of masterplan.yaml",
        "`reported_by: {0}` bukan kode OPD dalam masterplan.yaml",
    ),
    (
        "E0306",
        "`{}` is not a programme id of any pokja file",
        "`{0}` bukan id program di berkas pokja mana pun",
    ),
    (
        "E0307",
        "`{}` has no indicators in its pokja file; add the indicator there first",
        "`{0}` tidak memiliki indikator di berkas pokjanya; tambahkan indikatornya di sana terlebih dahulu",
    ),
    (
        "E0307",
        "`{}` has no indicator named `{}`",
        "`{0}` tidak memiliki indikator bernama `{1}`",
    ),
    (
        "E0308",
        "the amount {} is negative; an amount is the Rupiah spent, 0 or more",
        "jumlah {0} bernilai negatif; jumlah adalah Rupiah yang dibelanjakan, 0 atau lebih",
    ),
    (
        "E0309",
        "progress {} is outside 0..=100",
        "progres {0} berada di luar rentang 0..=100",
    ),
    (
        "E0310",
        "the {} score {} is outside 0..=5",
        "skor {0} sebesar {1} berada di luar rentang 0..=5",
    ),
    (
        "E0311",
        "an evidence item is empty",
        "salah satu butir bukti (evidence) kosong",
    ),
    (
        "E0311",
        "the evidence path `{}` leads outside the project folder",
        "lokasi bukti `{0}` mengarah ke luar folder proyek",
    ),
    (
        "E0311",
        "the evidence path `{}` is a link to a file outside the project folder",
        "lokasi bukti `{0}` merupakan tautan ke berkas di luar folder proyek",
    ),
    (
        "E0350",
        "no monitoring file for {}: expected {}",
        "belum ada berkas monitoring untuk {0}: seharusnya {1}",
    ),
    (
        "E0351",
        "{} is outside the masterplan's period {}-{}",
        "{0} berada di luar periode masterplan {1}-{2}",
    ),
    (
        "W0301",
        "{} looks like an editor backup or swap file; it is not read",
        "{0} tampaknya berkas cadangan atau berkas sementara editor; berkas ini tidak dibaca",
    ),
    (
        "W0301",
        "{} is not a monitoring file: monitoring files are named <year>.yaml",
        "{0} bukan berkas monitoring: nama berkas monitoring adalah <tahun>.yaml",
    ),
    (
        "W0302",
        "{}/ is a folder; the monitoring file of {} is {}/{}.yaml, so it is not read",
        "{0}/ adalah folder; berkas monitoring tahun {1} adalah {2}/{3}.yaml, jadi folder ini tidak dibaca",
    ),
    (
        "W0303",
        "`{}` ({}) runs in {} ({}-{}) but is not reported",
        "`{0}` ({1}) berjalan pada {2} ({3}-{4}) tetapi tidak dilaporkan",
    ),
    (
        "W0304",
        "`{}` is reported for {}, outside its years {}-{}",
        "`{0}` dilaporkan untuk {1}, di luar tahun pelaksanaannya {2}-{3}",
    ),
    (
        "W0305",
        "`{}` spent {} in {}, above the {} planned for that year",
        "`{0}` membelanjakan {1} pada {2}, melebihi {3} yang direncanakan untuk tahun itu",
    ),
    (
        "W0306",
        "the evidence file `{}` does not exist in the project folder",
        "berkas bukti `{0}` tidak ada di folder proyek",
    ),
    (
        "W0307",
        "`{}` is `done` but its progress is {}",
        "`{0}` berstatus `done` tetapi progresnya {1}",
    ),
    (
        "W0308",
        "`{}` is `not_started` but money was spent",
        "`{0}` berstatus `not_started` tetapi sudah ada dana yang dibelanjakan",
    ),
    (
        "W0308",
        "`{}` is `not_started` but its progress is above 0",
        "`{0}` berstatus `not_started` tetapi progresnya di atas 0",
    ),
    (
        "W0309",
        "`{}` is `delayed` but no `obstacles` are given",
        "`{0}` berstatus `delayed` tetapi `obstacles` (kendala) tidak diisi",
    ),
    (
        "W0310",
        "the report of {} is dated {}, before the year began",
        "laporan tahun {0} bertanggal {1}, sebelum tahun tersebut dimulai",
    ),
    (
        "W0311",
        "`{}` was reported `done` in {} but is `not_started` in {}",
        "`{0}` dilaporkan `done` pada {1} tetapi `not_started` pada {2}",
    ),
    // --- Worksheet import (E07xx, W07xx).
    (
        "E0700",
        "{} is not a readable .xlsx workbook (a damaged or incomplete file?): {}",
        "{0} bukan buku kerja .xlsx yang dapat dibaca (berkas rusak atau tidak lengkap?): {1}",
    ),
    ("E0700", "{} is empty", "{0} kosong"),
    (
        "E0700",
        "{} is text (a CSV or another text file renamed?), not an .xlsx workbook",
        "{0} berupa teks (berkas CSV atau berkas teks lain yang diganti namanya?), bukan buku kerja .xlsx",
    ),
    (
        "E0700",
        "{} is not an .xlsx workbook",
        "{0} bukan buku kerja .xlsx",
    ),
    (
        "E0700",
        "sheet `{}` of {} cannot be read: {}",
        "lembar `{0}` dalam {1} tidak dapat dibaca: {2}",
    ),
    (
        "E0700",
        "sheet `{}` of {} is damaged: {}",
        "lembar `{0}` dalam {1} rusak: {2}",
    ),
    (
        "E0700",
        "could not check the workbook: the scratch folder {} cannot be written: {}",
        "buku kerja tidak dapat diperiksa: folder kerja sementara {0} tidak dapat ditulisi: {1}",
    ),
    (
        "E0701",
        "{} is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which cannot be read",
        "{0} adalah buku kerja Excel 97-2003 (.xls) atau buku kerja yang dilindungi kata sandi, sehingga tidak dapat dibaca",
    ),
    (
        "E0702",
        "two sheets are named `{}` (ignoring case and spaces)",
        "ada dua lembar bernama `{0}` (tanpa membedakan huruf besar-kecil dan spasi)",
    ),
    (
        "E0702",
        "the workbook has no sheet `{}`",
        "buku kerja tidak memiliki lembar `{0}`",
    ),
    (
        "E0703",
        "{} is {} MiB, more than the {} MiB a worksheet may have",
        "{0} berukuran {1} MiB, melebihi batas {2} MiB untuk sebuah buku kerja",
    ),
    (
        "E0703",
        "sheet `{}` has data at {}, beyond the {} rows and {} columns a worksheet may have",
        "lembar `{0}` memiliki data di {1}, melewati batas {2} baris dan {3} kolom",
    ),
    (
        "E0704",
        "the cell holds {} characters, more than the {} a cell may have",
        "sel ini berisi {0} karakter, melebihi batas {1} karakter per sel",
    ),
    (
        "E0705",
        "the cell shows the formula error {}",
        "sel ini menampilkan galat rumus {0}",
    ),
    (
        "E0706",
        "sheet `{}` has no field keys in row {}",
        "lembar `{0}` tidak memiliki kunci isian pada baris {1}",
    ),
    (
        "E0706",
        "the field key `{}` heads two columns",
        "kunci isian `{0}` menjadi judul dua kolom",
    ),
    (
        "E0706",
        "sheet `{}` has no column `{}` ({})",
        "lembar `{0}` tidak memiliki kolom `{1}` ({2})",
    ),
    (
        "E0707",
        "unknown field key `{}`",
        "kunci isian `{0}` tidak dikenal",
    ),
    (
        "E0708",
        "a value in a row without a field key",
        "ada nilai pada baris tanpa kunci isian",
    ),
    (
        "E0709",
        "`{}` is not a whole number",
        "`{0}` bukan bilangan bulat",
    ),
    ("E0709", "`{}` is not a number", "`{0}` bukan angka"),
    (
        "E0709",
        "`{}` is not an SDG number (column `{}` / sdgs)",
        "`{0}` bukan nomor SDG (kolom `{1}` / sdgs)",
    ),
    ("E0710", "`{}` is not a year", "`{0}` bukan tahun"),
    (
        "E0711",
        "`{}` is not an amount in whole Rupiah (it is negative)",
        "`{0}` bukan jumlah Rupiah utuh (nilainya negatif)",
    ),
    (
        "E0711",
        "`{}` is not an amount in whole Rupiah (it has decimals)",
        "`{0}` bukan jumlah Rupiah utuh (ada angka desimalnya)",
    ),
    (
        "E0711",
        "`{}` is not an amount in whole Rupiah",
        "`{0}` bukan jumlah Rupiah utuh",
    ),
    (
        "E0712",
        "`{}` is not yes or no",
        "`{0}` bukan ya atau tidak",
    ),
    (
        "E0713",
        "the {} row names programme `{}`, which no dimension sheet has",
        "baris {0} menyebut program `{1}`, yang tidak ada di lembar dimensi mana pun",
    ),
    (
        "E0715",
        "the worksheet cannot be written: {}",
        "buku kerja tidak dapat ditulis: {0}",
    ),
    (
        "E0716",
        "could not read {}: {}",
        "{0} tidak dapat dibaca: {1}",
    ),
    (
        "E0717",
        "could not write the tables workbook masterplan.xlsx: {}",
        "buku kerja tabel masterplan.xlsx tidak dapat ditulis: {0}",
    ),
    (
        "W0700",
        "sheet `{}` is not part of the worksheet and is ignored",
        "lembar `{0}` bukan bagian dari buku kerja ini dan diabaikan",
    ),
    (
        "W0701",
        "extra column `{}` is ignored",
        "kolom tambahan `{0}` diabaikan",
    ),
    (
        "W0702",
        "merged cells {}:{}; the value of {} is used in each of them",
        "sel gabungan {0}:{1}; nilai {2} dipakai untuk setiap selnya",
    ),
    (
        "W0703",
        "a date in a year cell (column `{}` / {}); the year {} is used",
        "ada tanggal di sel tahun (kolom `{0}` / {1}); yang dipakai tahun {2}",
    ),
    ("W0704", "{}", "{0:msg=E0110}"),
    // --- Command line, outputs (E9xxx, W9xxx).
    ("E9000", "{}", "{0}"),
    (
        "E9001",
        "evaluate writes md, pdf, docx and html; the tables workbook (xlsx) is the masterplan's",
        "evaluate menulis md, pdf, docx, dan html; buku kerja tabel (xlsx) milik dokumen masterplan",
    ),
    (
        "E9001",
        "--region, --type and --start-year are required for a new project",
        "--region, --type, dan --start-year wajib diisi untuk proyek baru",
    ),
    (
        "E9001",
        "{} is not a year of the masterplan's period ({}-{}); monitoring files report years {} to {}",
        "{0} bukan tahun dalam periode masterplan ({1}-{2}); berkas monitoring melaporkan tahun {3} sampai {4}",
    ),
    (
        "E9001",
        "--pokja {}: the project has no pokja file for `{}`",
        "--pokja {0}: proyek ini tidak memiliki berkas pokja untuk `{1}`",
    ),
    (
        "E9001",
        "unexpected argument '{}' found",
        "argumen '{0}' tidak dikenal",
    ),
    (
        "E9001",
        "invalid value '{}' for '{}'",
        "nilai '{0}' tidak sah untuk '{1}'",
    ),
    (
        "E9001",
        "the following required arguments were not provided:",
        "argumen wajib berikut belum diberikan:",
    ),
    (
        "E9001",
        "unrecognized subcommand '{}'",
        "perintah '{0}' tidak dikenal",
    ),
    ("E9001", "{}", "{0}"),
    (
        "E9002",
        "{} is a file, not a project folder",
        "{0} adalah berkas, bukan folder proyek",
    ),
    (
        "E9002",
        "the project folder {} does not exist",
        "folder proyek {0} tidak ada",
    ),
    (
        "E9003",
        "--templates {} is not a folder",
        "--templates {0} bukan folder",
    ),
    (
        "E9004",
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not `{}`",
        "SOURCE_DATE_EPOCH harus berupa bilangan bulat detik sejak 1970-01-01, bukan `{0}`",
    ),
    (
        "E9005",
        "{} {} holds a line break or another control character",
        "{0} {1} memuat pindah baris atau karakter kendali lain",
    ),
    (
        "E9005",
        "--province is required unless --type provinsi",
        "--province wajib diisi kecuali untuk --type provinsi",
    ),
    (
        "E9005",
        "these arguments would give a project that fails `masterplan check`: {}",
        "argumen ini akan menghasilkan proyek yang tidak lolos `masterplan check`: {0}",
    ),
    (
        "E9005",
        "`{}` is not a dimension of the taxonomy `{}`",
        "`{0}` bukan dimensi dalam taksonomi `{1}`",
    ),
    (
        "E9006",
        "not overwriting existing {}: {}; nothing was written",
        "{0} yang sudah ada tidak ditimpa: {1}; tidak ada yang ditulis",
    ),
    (
        "E9007",
        "{} cannot be read, so the pokja file cannot be made to match it",
        "{0} tidak dapat dibaca, sehingga berkas pokja tidak dapat disesuaikan dengannya",
    ),
    (
        "E9010",
        "--out must be a folder: {} is a file",
        "--out harus berupa folder: {0} adalah berkas",
    ),
    (
        "E9010",
        "{} is a file, not a folder",
        "{0} adalah berkas, bukan folder",
    ),
    (
        "E9011",
        "{} is a folder; the output file {} cannot be written there",
        "{0} adalah folder; berkas keluaran {1} tidak dapat ditulis di sana",
    ),
    (
        "E9011",
        "{} already exists and was not written by masterplan; nothing was written",
        "{0} sudah ada dan bukan ditulis oleh masterplan; tidak ada yang ditulis",
    ),
    (
        "E9011",
        "{} is a folder; nothing was written",
        "{0} adalah folder; tidak ada yang ditulis",
    ),
    (
        "E9012",
        "the output folder {} is inside the input folder {}; outputs must not be written among the inputs",
        "folder keluaran {0} berada di dalam folder masukan {1}; keluaran tidak boleh ditulis di antara masukan",
    ),
    (
        "E9012",
        "the output {} would replace the input file {}",
        "keluaran {0} akan menimpa berkas masukan {1}",
    ),
    (
        "E9013",
        "`{}` is not a usable output file name",
        "`{0}` tidak dapat dipakai sebagai nama berkas keluaran",
    ),
    (
        "E9013",
        "two outputs would be written to {} (`{}` and `{}`)",
        "dua keluaran akan ditulis ke {0} (`{1}` dan `{2}`)",
    ),
    (
        "E9013",
        "the logo `{}` has the name of a generated file; it would replace that output",
        "logo `{0}` bernama sama dengan berkas yang dihasilkan; logo itu akan menimpa keluaran tersebut",
    ),
    (
        "E9014",
        "could not write {}: {}",
        "{0} tidak dapat ditulis: {1}",
    ),
    (
        "E9014",
        "could not create {}: {}",
        "{0} tidak dapat dibuat: {1}",
    ),
    (
        "E9015",
        "could not typeset {}.pdf: {}",
        "{0}.pdf tidak dapat disusun: {1}",
    ),
    ("E9015", "{}", "{0}"),
    (
        "E9017",
        "could not read the logo {}: {}",
        "logo {0} tidak dapat dibaca: {1}",
    ),
    (
        "E9100",
        "1 warning denied by --deny-warnings; nothing was written",
        "1 peringatan ditolak oleh --deny-warnings; tidak ada yang ditulis",
    ),
    (
        "E9100",
        "{} warnings denied by --deny-warnings; nothing was written",
        "{0} peringatan ditolak oleh --deny-warnings; tidak ada yang ditulis",
    ),
    (
        "E9101",
        "could not render the manual pages: {}",
        "halaman manual tidak dapat disusun: {0}",
    ),
    (
        "E9102",
        "`{}` is not a masterplan command",
        "`{0}` bukan perintah masterplan",
    ),
    (
        "E9103",
        "the project's schemas need a readable masterplan.yaml and taxonomy; nothing was written",
        "skema proyek memerlukan masterplan.yaml dan taksonomi yang dapat dibaca; tidak ada yang ditulis",
    ),
    (
        "W9100",
        "the editor schemas in {}/ are out of date ({}): the OPDs, elements or programmes changed since they were written",
        "skema editor di {0}/ sudah usang ({1}): OPD, elemen, atau program telah berubah sejak skema ditulis",
    ),
    (
        "E9400",
        "{}={} is not a language of masterplan's messages",
        "{0}={1} bukan bahasa pesan masterplan",
    ),
];

/// (code or `*`, English pattern, Indonesian template) of hints.
pub(super) static HINTS: &[(&str, &str, &str)] = &[
    // --- Shared: "did you mean", written by crate::suggest and its callers.
    ("*", "did you mean `{}`?", "maksud Anda `{0}`?"),
    (
        "*",
        "did you mean `{}`? The {}s are {}",
        "maksud Anda `{0}`? Pilihan {1:phrase}: {2}",
    ),
    (
        "*",
        "choose one from the dropdown: {}",
        "pilih salah satu dari daftar pilihan: {0}",
    ),
    (
        "*",
        "the fields allowed here are {}",
        "isian yang boleh dipakai di sini: {0:list}",
    ),
    (
        "*",
        "add `{}:` at the top level of the file",
        "tambahkan `{0}:` di tingkat teratas berkas",
    ),
    (
        "*",
        "add `{}:` to the mapping at `{}`",
        "tambahkan `{0}:` ke dalam kelompok `{1}`",
    ),
    // The wrong-type hints of crate::yaml::hint (any code that reads a YAML value).
    (
        "*",
        "`{}:` is empty: write `{}: []` for none yet, or put its items on the lines below it, indented, each starting with `- `",
        "`{0}:` kosong: tulis `{1}: []` bila belum ada isinya, atau tulis butir-butirnya pada baris di bawahnya, menjorok ke dalam, masing-masing diawali `- `",
    ),
    (
        "*",
        "`{}` is a list: put `- ` before each entry (`- { ... }`), or write `{}: [{}]`",
        "`{0}` berupa daftar: awali setiap butir dengan `- ` (`- { ... }`), atau tulis `{1}: [{2}]`",
    ),
    (
        "*",
        "`{}` is a list, even of one: write `{}: [{}]`, or one `- {}` per line",
        "`{0}` berupa daftar, walaupun hanya satu butir: tulis `{1}: [{2}]`, atau satu `- {3}` per baris",
    ),
    (
        "*",
        "write `{}: true` or `{}: false`",
        "tulis `{0}: true` atau `{1}: false`",
    ),
    (
        "*",
        "write `{}: {}` (`true` or `false`)",
        "tulis `{0}: {1}` (`true` atau `false`)",
    ),
    (
        "*",
        "a programme's years are two fields: `start: {}` and `end: {}` (the last year it runs)",
        "tahun program ditulis dalam dua isian: `start: {0}` dan `end: {1}` (tahun terakhir pelaksanaan)",
    ),
    ("*", "one year only: {}", "cukup satu tahun: {0}"),
    (
        "*",
        "write a whole number from {} to {} ({}): {} for `{}`",
        "tulis bilangan bulat {0} sampai {1} ({2:phrase}): {3} untuk `{4}`",
    ),
    (
        "*",
        "write a whole number from {} to {} ({}), such as {}",
        "tulis bilangan bulat {0} sampai {1} ({2:phrase}), misalnya {3}",
    ),
    (
        "*",
        "write the amount in whole Rupiah, digits only (no `Rp`, dots or words): {}",
        "tulis jumlahnya dalam Rupiah utuh, angka saja (tanpa `Rp`, titik, atau kata): {0}",
    ),
    (
        "*",
        "write digits only, without dots, units or words: {}",
        "tulis angka saja, tanpa titik, satuan, atau kata: {0}",
    ),
    (
        "*",
        "write the year as four digits, such as {}",
        "tulis tahun dengan empat angka, misalnya {0}",
    ),
    (
        "*",
        "write a whole number, digits only, such as {}",
        "tulis bilangan bulat, angka saja, misalnya {0}",
    ),
    (
        "*",
        "write a number, such as {}",
        "tulis angka, misalnya {0}",
    ),
    (
        "*",
        "copy the file into the project folder and give its path relative to it",
        "salin berkas ke folder proyek dan tulis lokasinya relatif terhadap folder itu",
    ),
    (
        "*",
        "name a regular file inside the project folder",
        "sebutkan berkas biasa di dalam folder proyek",
    ),
    (
        "*",
        "split the content or shorten it",
        "pecah isinya atau persingkat",
    ),
    // --- Reading the files.
    (
        "E0001",
        "YAML does not allow tabs for indentation; indent with spaces (set your editor to insert spaces for Tab)",
        "YAML tidak mengizinkan tab untuk indentasi; gunakan spasi (atur editor agar tombol Tab menyisipkan spasi)",
    ),
    (
        "E0001",
        "YAML does not allow tabs for indentation; indent with spaces",
        "YAML tidak mengizinkan tab untuk indentasi; gunakan spasi",
    ),
    (
        "E0001",
        "the `{}` on line {} is not closed",
        "`{0}` pada baris {1} belum ditutup",
    ),
    (
        "E0001",
        "check the indentation, the `key: value` layout and unclosed brackets or quotes near this line",
        "periksa indentasi, susunan `kunci: nilai`, serta kurung atau tanda kutip yang belum ditutup di sekitar baris ini",
    ),
    (
        "E0001",
        "check the indentation and the `key: value` layout near this line",
        "periksa indentasi dan susunan `kunci: nilai` di sekitar baris ini",
    ),
    (
        "E0001",
        "keep one document per file; remove the extra `---` line",
        "satu berkas hanya berisi satu dokumen; hapus baris `---` yang berlebih",
    ),
    (
        "E0002",
        "save the file as UTF-8 (Notepad: \"Save as\" > Encoding: UTF-8; other editors: \"Save with encoding\" > UTF-8)",
        "simpan berkas sebagai UTF-8 (Notepad: \"Save as\" > Encoding: UTF-8; editor lain: \"Save with encoding\" > UTF-8)",
    ),
    (
        "E0002",
        "save the file as plain text in UTF-8",
        "simpan berkas sebagai teks biasa dalam UTF-8",
    ),
    (
        "E0002",
        "save the file as UTF-8 (in most editors: \"Save with encoding\" > UTF-8)",
        "simpan berkas sebagai UTF-8 (di kebanyakan editor: \"Save with encoding\" > UTF-8)",
    ),
    (
        "E0003",
        "write the fields the input format requires; `masterplan init` makes a working example",
        "tulis isian yang diwajibkan format masukan; `masterplan init` membuatkan contoh yang siap dipakai",
    ),
    (
        "E0003",
        "write the fields of masterplan.yaml (region, period, vision, missions, opd), or scaffold a commented one with `masterplan init <new folder> ...` and copy it here",
        "tulis isian masterplan.yaml (region, period, vision, missions, opd), atau buat kerangkanya yang berkomentar dengan `masterplan init <folder baru> ...` lalu salin ke sini",
    ),
    (
        "E0004",
        "each key may appear once per mapping; remove or merge the repeated one",
        "setiap kunci hanya boleh muncul sekali dalam satu kelompok; hapus atau gabungkan yang berulang",
    ),
    (
        "E0004",
        "keep one row per field (only lists such as missions repeat)",
        "satu baris untuk setiap isian (hanya daftar seperti misi yang boleh berulang)",
    ),
    (
        "E0005",
        "masterplan files need no more than a few anchors and aliases; write the values out",
        "berkas masterplan cukup memakai sedikit anchor dan alias; tuliskan nilainya secara langsung",
    ),
    (
        "E0006",
        "check the `{{ ... }}` and `{% ... %}` tags on this line: each opened tag is closed, each block has its `{% end... %}`",
        "periksa tag `{{ ... }}` dan `{% ... %}` pada baris ini: setiap tag yang dibuka harus ditutup, setiap blok harus punya `{% end... %}`",
    ),
    (
        "E0007",
        "a misspelt variable or field name; the variables and fields are listed in docs/reference/templates.md",
        "ada nama variabel atau isian yang salah eja; daftar variabel dan isian ada di docs/reference/templates.md",
    ),
    (
        "E0008",
        "a loop, or text built up in a loop, grows without bound here; the budget scales with the project's size (see docs/reference/templates.md, \"Limits\")",
        "ada perulangan, atau teks yang dibangun dalam perulangan, yang tumbuh tanpa batas di sini; batas kerja menyesuaikan ukuran proyek (lihat docs/reference/templates.md, \"Limits\")",
    ),
    ("E0011", "fill in `{}`", "isi `{0}`"),
    (
        "E0011",
        "fill in the dimension key: {}",
        "isi kunci dimensi: {0}",
    ),
    (
        "E0032",
        "shorten the text; a description or foreword is a few paragraphs",
        "persingkat teksnya; deskripsi atau kata pengantar cukup beberapa paragraf",
    ),
    (
        "E0033",
        "a masterplan's YAML is well under 1 MiB; remove pasted content or split long texts out of the project",
        "YAML sebuah masterplan jauh di bawah 1 MiB; hapus isi yang ditempelkan atau pindahkan teks panjang ke luar proyek",
    ),
    (
        "W0020",
        "use paragraphs, emphasis, lists, quotes, tables, links and closed code fences; see \"Markdown in user fields\" in the input reference",
        "gunakan paragraf, penekanan, daftar, kutipan, tabel, tautan, dan blok kode yang tertutup; lihat \"Markdown in user fields\" pada rujukan masukan",
    ),
    (
        "W0021",
        "remove the escape (`\\e`, `\\u0007`, `\\0`, ...) from the quoted text",
        "hapus kode escape (`\\e`, `\\u0007`, `\\0`, ...) dari teks berkutip",
    ),
    // --- masterplan.yaml.
    (
        "E0100",
        "restore masterplan.yaml (e.g. from version control), or scaffold one with `masterplan init <new folder> ...` and copy its masterplan.yaml into {}",
        "pulihkan masterplan.yaml (misalnya dari version control), atau buat kerangkanya dengan `masterplan init <folder baru> ...` lalu salin masterplan.yaml-nya ke {0}",
    ),
    (
        "E0100",
        "run `masterplan init {} --region ... --type ... --province ... --start-year ...` to start a project here, or name the project folder",
        "jalankan `masterplan init {0} --region ... --type ... --province ... --start-year ...` untuk memulai proyek di sini, atau sebutkan folder proyeknya",
    ),
    (
        "E0101",
        "add `province: <name>` under `region`, e.g. `province: Sulawesi Tengah`",
        "tambahkan `province: <nama>` di bawah `region`, misalnya `province: Sulawesi Tengah`",
    ),
    (
        "E0102",
        "most masterplans cover 10 years; leave `years` out for 10",
        "umumnya masterplan mencakup 10 tahun; hapus `years` untuk 10 tahun",
    ),
    (
        "E0103",
        "write the region's smart-city vision in one sentence",
        "tulis visi smart city daerah dalam satu kalimat",
    ),
    (
        "E0104",
        "list at least one mission under `missions:`",
        "tulis paling sedikit satu misi di bawah `missions:`",
    ),
    (
        "E0105",
        "list the organisations that own programmes under `opd:` with `code` and `name`",
        "daftarkan perangkat daerah pemilik program di bawah `opd:` dengan `code` dan `name`",
    ),
    (
        "E0106",
        "each OPD is listed once; give each a distinct code",
        "setiap OPD cukup didaftarkan sekali; berikan kode yang berbeda untuk masing-masing",
    ),
    (
        "E0107",
        "use a short code of letters and digits without spaces, e.g. `DKISP`",
        "gunakan kode singkat dari huruf dan angka tanpa spasi, misalnya `DKISP`",
    ),
    (
        "E0109",
        "write the first year first: [{}, {}]",
        "tulis tahun awal lebih dulu: [{0}, {1}]",
    ),
    (
        "E0110",
        "put the logo (PNG or JPEG) in the project folder, or remove `logo:`",
        "letakkan logo (PNG atau JPEG) di folder proyek, atau hapus `logo:`",
    ),
    (
        "E0111",
        "convert the logo to PNG (preferably with a transparent background)",
        "ubah logo ke format PNG (sebaiknya dengan latar transparan)",
    ),
    (
        "E0112",
        "copy the logo into the project folder and give its path relative to it, e.g. `logo.png`",
        "salin logo ke folder proyek dan tulis lokasinya relatif terhadap folder itu, misalnya `logo.png`",
    ),
    (
        "E0113",
        "use a built-in taxonomy ({}) or the path of a taxonomy YAML file relative to the project folder",
        "gunakan taksonomi bawaan ({0:list}) atau lokasi berkas YAML taksonomi relatif terhadap folder proyek",
    ),
    (
        "E0114",
        "use lower-case letters, digits, `_` or `-`; the key names the pokja file",
        "gunakan huruf kecil, angka, `_`, atau `-`; kunci ini menjadi nama berkas pokja",
    ),
    (
        "E0114",
        "each dimension has its own key; rename or merge one of them",
        "setiap dimensi memiliki kuncinya sendiri; ganti nama atau gabungkan salah satunya",
    ),
    (
        "E0114",
        "list at least one element: `elements: [{ key: layanan, label: { id: Layanan, en: Service } }]`",
        "tulis paling sedikit satu elemen: `elements: [{ key: layanan, label: { id: Layanan, en: Service } }]`",
    ),
    (
        "E0120",
        "the weights are percentages of the final index: change them so they sum to 100 (the default is baseline 10, output 20, outcome 30, impact 30, quick_win 10); {} too many",
        "bobot adalah persentase dari indeks akhir: ubah agar jumlahnya 100 (bawaannya baseline 10, output 20, outcome 30, impact 30, quick_win 10); kelebihan {0}",
    ),
    (
        "E0120",
        "the weights are percentages of the final index: change them so they sum to 100 (the default is baseline 10, output 20, outcome 30, impact 30, quick_win 10); {} short",
        "bobot adalah persentase dari indeks akhir: ubah agar jumlahnya 100 (bawaannya baseline 10, output 20, outcome 30, impact 30, quick_win 10); kurang {0}",
    ),
    (
        "E0120",
        "the weights are percentages of the final index: change them so they sum to 100 (the default is baseline 10, output 20, outcome 30, impact 30, quick_win 10)",
        "bobot adalah persentase dari indeks akhir: ubah agar jumlahnya 100 (bawaannya baseline 10, output 20, outcome 30, impact 30, quick_win 10)",
    ),
    // --- Pokja files.
    (
        "E0201",
        "a pokja file states its own dimension: write `dimension: {}`, or move the content to pokja/{}.yaml",
        "berkas pokja menyatakan dimensinya sendiri: tulis `dimension: {0}`, atau pindahkan isinya ke pokja/{1}.yaml",
    ),
    (
        "E0201",
        "a pokja file states its own dimension: write `dimension: {}`",
        "berkas pokja menyatakan dimensinya sendiri: tulis `dimension: {0}`",
    ),
    (
        "E0202",
        "pokja/ must be a folder holding one `<dimension>.yaml` per dimension",
        "pokja/ harus berupa folder berisi satu `<dimensi>.yaml` untuk setiap dimensi",
    ),
    (
        "E0202",
        "move it out of pokja/; the pokja files are {}",
        "pindahkan ke luar pokja/; berkas pokja adalah {0:list}",
    ),
    ("E0202", "rename it to `{}`", "ganti namanya menjadi `{0}`"),
    (
        "E0202",
        "the pokja files are {}; move other files out of pokja/",
        "berkas pokja adalah {0:list}; pindahkan berkas lain ke luar pokja/",
    ),
    (
        "E0203",
        "add the OPD to `opd` in masterplan.yaml, or use one of its codes",
        "tambahkan OPD tersebut ke `opd` di masterplan.yaml, atau gunakan salah satu kode yang ada",
    ),
    ("E0204", "write `{}`", "tulis `{0}`"),
    (
        "E0205",
        "programme ids are unique across the whole project; number this one differently",
        "id program harus unik di seluruh proyek; beri nomor lain untuk program ini",
    ),
    (
        "E0206",
        "move the programme to pokja/{}.yaml, or use an element of {}: {}",
        "pindahkan program ke pokja/{0}.yaml, atau gunakan elemen {1}: {2:list}",
    ),
    (
        "E0206",
        "the elements of {} are {}",
        "elemen {0} adalah {1:list}",
    ),
    (
        "E0207",
        "the period runs from {} to {}",
        "periode berlangsung dari {0} sampai {1}",
    ),
    (
        "E0208",
        "`end` is the last year of the programme and must be at least `start`",
        "`end` adalah tahun terakhir program dan tidak boleh lebih kecil dari `start`",
    ),
    (
        "E0209",
        "a budget line falls in a year the programme runs; leave `year` out to spread it evenly",
        "baris anggaran harus jatuh pada tahun pelaksanaan program; hapus `year` agar anggaran dibagi rata",
    ),
    (
        "E0210",
        "the period runs from {} to {}",
        "periode berlangsung dari {0} sampai {1}",
    ),
    (
        "E0211",
        "name the id of a programme in one of the pokja files",
        "sebutkan id program yang ada di salah satu berkas pokja",
    ),
    (
        "E0212",
        "remove it from its own `depends_on`",
        "hapus program ini dari `depends_on` miliknya sendiri",
    ),
    (
        "E0213",
        "a programme cannot (indirectly) depend on itself; remove one dependency of the cycle",
        "program tidak boleh (secara tidak langsung) bergantung pada dirinya sendiri; hapus salah satu ketergantungan dalam lingkaran itu",
    ),
    (
        "E0214",
        "start `{}` in {} or later, or drop the dependency",
        "mulai `{0}` pada {1} atau sesudahnya, atau hapus ketergantungan tersebut",
    ),
    (
        "E0215",
        "masterplan.yaml lists no `rpjmd.missions`; add them there",
        "masterplan.yaml belum memuat `rpjmd.missions`; tambahkan di sana",
    ),
    (
        "E0215",
        "the RPJMD missions are {}",
        "misi RPJMD adalah {0:list}",
    ),
    (
        "E0216",
        "scores run from 1 (lowest) to 5 (highest)",
        "skor berkisar dari 1 (terendah) sampai 5 (tertinggi)",
    ),
    (
        "E0217",
        "use the number of a Sustainable Development Goal, 1..=17",
        "gunakan nomor Tujuan Pembangunan Berkelanjutan (SDG), 1..=17",
    ),
    (
        "W0201",
        "ask the {} pokja for its file, or scaffold it with `{}`",
        "mintalah berkasnya kepada pokja {0}, atau buat kerangkanya dengan `{1}`",
    ),
    (
        "W0202",
        "add a programme with `element: {}`, or note why the element is left out",
        "tambahkan program dengan `element: {0}`, atau catat alasan elemen ini tidak diisi",
    ),
    (
        "W0203",
        "add `indicators:` with a name, unit, baseline and yearly targets",
        "tambahkan `indicators:` dengan nama, satuan, baseline, dan target tahunan",
    ),
    (
        "W0204",
        "add `budget:` lines with a source (apbd, apbn, dak, ...) and an amount in Rupiah",
        "tambahkan baris `budget:` dengan sumber (apbd, apbn, dak, ...) dan jumlah dalam Rupiah",
    ),
    (
        "W0205",
        "add `outputs:`, what the programme delivers",
        "tambahkan `outputs:`, yaitu hasil yang diberikan program",
    ),
    (
        "W0206",
        "write the planned amount in Rupiah, or remove the line",
        "tulis jumlah yang direncanakan dalam Rupiah, atau hapus baris tersebut",
    ),
    (
        "W0207",
        "a quick win delivers within the first year; start it then or drop `quick_win`",
        "quick win memberi hasil dalam tahun pertama; mulailah pada tahun itu atau hapus `quick_win`",
    ),
    (
        "W0208",
        "end it in the year it starts, or drop `quick_win`",
        "selesaikan pada tahun yang sama dengan tahun mulainya, atau hapus `quick_win`",
    ),
    (
        "W0209",
        "fill in the file, or start from the scaffold with `{}`",
        "isi berkas tersebut, atau mulai dari kerangka dengan `{0}`",
    ),
    (
        "W0210",
        "delete it, or move it out of pokja/, once it is no longer needed",
        "hapus, atau pindahkan ke luar pokja/, bila sudah tidak diperlukan",
    ),
    (
        "W0220",
        "add `head: \"<full name with titles>\"` to the `{}` entry of `opd`",
        "tambahkan `head: \"<nama lengkap dengan gelar>\"` pada entri `{0}` di `opd`",
    ),
    (
        "W0221",
        "replace it with one of the pokja's own programmes (name, description, years, budget, indicators), or delete it",
        "ganti dengan salah satu program milik pokja sendiri (nama, deskripsi, tahun, anggaran, indikator), atau hapus",
    ),
    (
        "W0222",
        "add `head: \"<full name with titles>\"` under `region`",
        "tambahkan `head: \"<nama lengkap dengan gelar>\"` di bawah `region`",
    ),
    // --- Monitoring and evaluation.
    (
        "E0013",
        "write `status: {}` (the status keys are English)",
        "tulis `status: {0}` (kunci status ditulis dalam bahasa Inggris)",
    ),
    (
        "W0211",
        "did you mean `{}`? rename the file to override that template",
        "maksud Anda `{0}`? Ganti nama berkas agar menggantikan templat tersebut",
    ),
    (
        "W0211",
        "an override must have the name of a built-in template (`masterplan templates list`): {}",
        "templat pengganti harus bernama sama dengan templat bawaan (`masterplan templates list`): {0}",
    ),
    (
        "E0010",
        "write the number without `%`: `{}`",
        "tulis angkanya tanpa `%`: `{0}`",
    ),
    (
        "E0010",
        "write a decimal number with a dot and no thousands separators, e.g. `3.5`",
        "tulis bilangan desimal dengan titik dan tanpa pemisah ribuan, misalnya `3.5`",
    ),
    (
        "E0301",
        "move it away and run `masterplan monitoring new YEAR` to start the folder",
        "pindahkan berkas itu, lalu jalankan `masterplan monitoring new TAHUN` untuk memulai foldernya",
    ),
    (
        "E0301",
        "name each monitoring file by the year it reports, e.g. `2024.yaml`; move other files out of monitoring/",
        "beri nama setiap berkas monitoring sesuai tahun yang dilaporkan, misalnya `2024.yaml`; pindahkan berkas lain ke luar monitoring/",
    ),
    ("E0301", "rename it to `{}`", "ganti namanya menjadi `{0}`"),
    (
        "E0302",
        "monitoring files report years of the masterplan's period: rename it to a year from {} to {}",
        "berkas monitoring melaporkan tahun dalam periode masterplan: ganti namanya menjadi tahun {0} sampai {1}",
    ),
    (
        "E0303",
        "write `year: {}`, or rename the file to monitoring/{}.yaml if it reports {}",
        "tulis `year: {0}`, atau ganti nama berkas menjadi monitoring/{1}.yaml bila yang dilaporkan tahun {2}",
    ),
    (
        "E0304",
        "write the day the report was compiled, e.g. `date: {}-01-31`",
        "tulis tanggal laporan disusun, misalnya `date: {0}-01-31`",
    ),
    (
        "E0305",
        "use one of the OPD codes: {}",
        "gunakan salah satu kode OPD: {0}",
    ),
    (
        "E0306",
        "report only programmes of the pokja files, by their `id`; `masterplan monitoring new YEAR` lists them",
        "laporkan hanya program yang ada di berkas pokja, dengan `id`-nya; `masterplan monitoring new TAHUN` mendaftarkannya",
    ),
    (
        "E0307",
        "`{}` has no indicators in its pokja file; add the indicator there first",
        "`{0}` tidak memiliki indikator di berkas pokjanya; tambahkan indikatornya di sana terlebih dahulu",
    ),
    (
        "E0308",
        "write what was spent from this source in the year; a refund or correction lowers the amount, it is never below 0",
        "tulis jumlah yang dibelanjakan dari sumber ini pada tahun tersebut; pengembalian atau koreksi mengurangi jumlahnya, tetapi tidak pernah di bawah 0",
    ),
    (
        "E0309",
        "progress is the percent of the work planned up to this year that was done, from 0 to 100",
        "progres adalah persentase pekerjaan yang direncanakan sampai tahun ini yang sudah selesai, dari 0 sampai 100",
    ),
    (
        "E0310",
        "the evaluation scores each dimension from 0 to 5, e.g. `score: 3.5`",
        "evaluasi memberi skor setiap dimensi dari 0 sampai 5, misalnya `score: 3.5`",
    ),
    (
        "E0311",
        "give a link (https://...) or a path relative to the project folder, or remove the item",
        "berikan tautan (https://...) atau lokasi relatif terhadap folder proyek, atau hapus butir tersebut",
    ),
    (
        "E0311",
        "copy the file into the project (e.g. monitoring/bukti/) and give its path relative to the project folder, or give a link",
        "salin berkas ke dalam proyek (misalnya monitoring/bukti/) dan tulis lokasinya relatif terhadap folder proyek, atau berikan tautan",
    ),
    (
        "E0311",
        "copy the file itself into the project (e.g. monitoring/bukti/), or give a link",
        "salin berkasnya sendiri ke dalam proyek (misalnya monitoring/bukti/), atau berikan tautan",
    ),
    (
        "E0350",
        "create it with `masterplan monitoring new {}` and fill in what was done in {}",
        "buat dengan `masterplan monitoring new {0}` lalu isi apa yang telah dikerjakan pada {1}",
    ),
    (
        "E0351",
        "evaluate a year from {} to {}",
        "evaluasi tahun {0} sampai {1}",
    ),
    (
        "W0301",
        "make sure its changes are saved in the real <year>.yaml file, then delete it",
        "pastikan perubahannya sudah tersimpan di berkas <tahun>.yaml yang sebenarnya, lalu hapus berkas ini",
    ),
    ("W0301", "rename it to `{}`", "ganti namanya menjadi `{0}`"),
    (
        "W0301",
        "name each monitoring file by the year it reports, e.g. `2024.yaml`; move other files out of monitoring/",
        "beri nama setiap berkas monitoring sesuai tahun yang dilaporkan, misalnya `2024.yaml`; pindahkan berkas lain ke luar monitoring/",
    ),
    (
        "W0302",
        "write the year's report in {}/{}.yaml; evidence files may stay in a folder",
        "tulis laporan tahun itu di {0}/{1}.yaml; berkas bukti boleh tetap di dalam folder",
    ),
    (
        "W0303",
        "add `{}: { status: not_started }` (or its real status) under `programs`; the evaluation counts it as not reported",
        "tambahkan `{0}: { status: not_started }` (atau status sebenarnya) di bawah `programs`; evaluasi menghitungnya sebagai tidak dilaporkan",
    ),
    (
        "W0304",
        "if the work really moved, change `start`/`end` of {} in its pokja file; otherwise remove it from this file",
        "bila pelaksanaannya memang bergeser, ubah `start`/`end` {0} di berkas pokjanya; bila tidak, hapus dari berkas ini",
    ),
    (
        "W0305",
        "check the amounts; if the plan changed, update the programme's `budget` in its pokja file",
        "periksa jumlahnya; bila rencananya berubah, perbarui `budget` program di berkas pokjanya",
    ),
    (
        "W0306",
        "paths are relative to the project folder (where masterplan.yaml is); check the spelling, or add the file",
        "lokasi ditulis relatif terhadap folder proyek (tempat masterplan.yaml berada); periksa ejaannya, atau tambahkan berkasnya",
    ),
    (
        "W0307",
        "a finished programme has progress 100; otherwise its status is `on_track` or `delayed`",
        "program yang sudah selesai memiliki progres 100; bila belum, statusnya `on_track` atau `delayed`",
    ),
    (
        "W0308",
        "work that has begun is `on_track` or `delayed`",
        "pekerjaan yang sudah dimulai berstatus `on_track` atau `delayed`",
    ),
    (
        "W0309",
        "say what held it back (`obstacles: ...`); the evaluation asks for the kendala of every late programme",
        "sebutkan penghambatnya (`obstacles: ...`); evaluasi menanyakan kendala setiap program yang terlambat",
    ),
    (
        "W0310",
        "the date is when the report was compiled, usually early in {}",
        "tanggal adalah saat laporan disusun, biasanya di awal {0}",
    ),
    (
        "W0311",
        "write `status: done` (it stays done), or correct monitoring/{}.yaml",
        "tulis `status: done` (tetap selesai), atau perbaiki monitoring/{0}.yaml",
    ),
    // --- Worksheet import.
    (
        "E0700",
        "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), or start from `masterplan worksheet export`",
        "buka di Excel atau LibreOffice lalu simpan sebagai Excel Workbook (.xlsx), atau mulai dari `masterplan worksheet export`",
    ),
    (
        "E0700",
        "open it in Excel or LibreOffice and save it again as Excel Workbook (.xlsx)",
        "buka di Excel atau LibreOffice lalu simpan ulang sebagai Excel Workbook (.xlsx)",
    ),
    (
        "E0700",
        "open the workbook in Excel or LibreOffice and save it again",
        "buka buku kerja di Excel atau LibreOffice lalu simpan ulang",
    ),
    (
        "E0700",
        "set TMPDIR to a writable folder",
        "arahkan TMPDIR ke folder yang dapat ditulisi",
    ),
    (
        "E0701",
        "in Excel or LibreOffice remove the password (if any) and save it as Excel Workbook (.xlsx)",
        "di Excel atau LibreOffice, hapus kata sandinya (bila ada) lalu simpan sebagai Excel Workbook (.xlsx)",
    ),
    (
        "E0702",
        "rename or delete one of them",
        "ganti nama atau hapus salah satunya",
    ),
    (
        "E0703",
        "split the workbook (e.g. `worksheet export --pokja KEY` per pokja)",
        "pecah buku kerjanya (misalnya `worksheet export --pokja KUNCI` untuk setiap pokja)",
    ),
    (
        "E0703",
        "delete the rows or columns below or right of the data, or split the workbook",
        "hapus baris atau kolom di bawah atau di kanan data, atau pecah buku kerjanya",
    ),
    (
        "E0704",
        "shorten the text; long prose belongs in the YAML file",
        "persingkat teksnya; uraian panjang sebaiknya ditulis di berkas YAML",
    ),
    (
        "E0705",
        "fix the formula, or type the value itself",
        "perbaiki rumusnya, atau ketik nilainya secara langsung",
    ),
    (
        "E0706",
        "restore the two header rows (labels, field keys) from a fresh `masterplan worksheet export`",
        "pulihkan dua baris judul (label, kunci isian) dari hasil `masterplan worksheet export` yang baru",
    ),
    (
        "E0706",
        "delete one of the two columns",
        "hapus salah satu dari kedua kolom tersebut",
    ),
    (
        "E0706",
        "add the column with `{}` in row {}, as a fresh `masterplan worksheet export` has it",
        "tambahkan kolom dengan `{0}` pada baris {1}, seperti pada hasil `masterplan worksheet export` yang baru",
    ),
    (
        "E0708",
        "copy the field key (column `Kunci`/`Key`) of the field this row adds to",
        "salin kunci isian (kolom `Kunci`/`Key`) dari isian yang dilengkapi baris ini",
    ),
    (
        "E0707",
        "use one of the keys the export writes (docs/reference/worksheet.md)",
        "gunakan salah satu kunci yang ditulis oleh ekspor (docs/reference/worksheet.md)",
    ),
    (
        "E0709",
        "type a whole number without decimals, e.g. 374330",
        "ketik bilangan bulat tanpa desimal, misalnya 374330",
    ),
    (
        "E0709",
        "type a number, e.g. 9672.7",
        "ketik angka, misalnya 9672.7",
    ),
    (
        "E0709",
        "list the goals as numbers 1-17 separated by commas, e.g. 8, 9",
        "tulis nomor tujuan 1-17 dipisahkan koma, misalnya 8, 9",
    ),
    (
        "E0710",
        "type the year as a number, e.g. 2025",
        "ketik tahun sebagai angka, misalnya 2025",
    ),
    (
        "E0711",
        "type the amount as a number, e.g. 250000000 (Rp 250.000.000 and 250.000.000 are read too)",
        "ketik jumlahnya sebagai angka, misalnya 250000000 (Rp 250.000.000 dan 250.000.000 juga dapat dibaca)",
    ),
    (
        "E0712",
        "choose ya or tidak (yes or no) from the dropdown",
        "pilih ya atau tidak dari daftar pilihan",
    ),
    (
        "E0715",
        "shorten the text in the YAML file, or fix what `masterplan check` reports",
        "persingkat teks di berkas YAML, atau perbaiki yang dilaporkan `masterplan check`",
    ),
    (
        "E0716",
        "name an .xlsx workbook, e.g. one written by `masterplan worksheet export`",
        "sebutkan buku kerja .xlsx, misalnya yang ditulis oleh `masterplan worksheet export`",
    ),
    (
        "E0717",
        "shorten the text the message names (an Excel cell holds 32,767 characters)",
        "persingkat teks yang disebut dalam pesan (satu sel Excel memuat 32.767 karakter)",
    ),
    (
        "W0702",
        "unmerge the cells and fill in each row (merged cells are read, but a sort or a filter in Excel breaks them)",
        "pisahkan sel gabungan dan isi setiap barisnya (sel gabungan tetap terbaca, tetapi pengurutan atau filter di Excel merusaknya)",
    ),
    (
        "W0703",
        "type the year alone ({}) and format the cell as a number",
        "ketik tahunnya saja ({0}) dan atur format sel sebagai angka",
    ),
    (
        "W0704",
        "copy the logo into {} before `masterplan generate`, or clear region.logo",
        "salin logo ke {0} sebelum `masterplan generate`, atau kosongkan region.logo",
    ),
    (
        "W0701",
        "did you mean `{}`? Restore the key in row {} to import the column",
        "maksud Anda `{0}`? Pulihkan kuncinya pada baris {1} agar kolom ini ikut diimpor",
    ),
    (
        "W0701",
        "delete the column, or move its content into a column the worksheet has",
        "hapus kolom tersebut, atau pindahkan isinya ke kolom yang ada di buku kerja",
    ),
    // --- Command line, outputs.
    (
        "E9001",
        "use `masterplan generate --format xlsx` for the workbook, and e.g. --format md,pdf here",
        "gunakan `masterplan generate --format xlsx` untuk buku kerja, dan misalnya --format md,pdf di sini",
    ),
    (
        "E9001",
        "e.g. masterplan init banggai --region Banggai --type kabupaten --province \"Sulawesi Tengah\" --start-year 2023",
        "misalnya masterplan init banggai --region Banggai --type kabupaten --province \"Sulawesi Tengah\" --start-year 2023",
    ),
    (
        "E9001",
        "name a year of the period, e.g. the year that has just ended",
        "sebutkan tahun dalam periode, misalnya tahun yang baru saja berakhir",
    ),
    (
        "E9001",
        "see `masterplan --help`",
        "lihat `masterplan --help`",
    ),
    (
        "E9001",
        "to pass '{}' as a value, use '-- {}'",
        "untuk memberikan '{0}' sebagai nilai, gunakan '-- {1}'",
    ),
    (
        "E9001",
        "a similar argument exists: '{}'",
        "ada argumen yang mirip: '{0}'",
    ),
    (
        "E9001",
        "a similar subcommand exists: '{}'",
        "ada perintah yang mirip: '{0}'",
    ),
    ("E9001", "{}", "{0}"),
    (
        "E9002",
        "name the folder that holds masterplan.yaml, or create one with `masterplan init DIR`",
        "sebutkan folder yang berisi masterplan.yaml, atau buat dengan `masterplan init FOLDER`",
    ),
    (
        "E9003",
        "name a folder of templates, e.g. one written by `masterplan templates export DIR`",
        "sebutkan folder templat, misalnya yang ditulis oleh `masterplan templates export FOLDER`",
    ),
    (
        "E9003",
        "name the folder that holds the template overrides",
        "sebutkan folder yang berisi templat pengganti",
    ),
    (
        "E9004",
        "unset SOURCE_DATE_EPOCH or set it to e.g. 1795392000 (2026-11-23)",
        "hapus SOURCE_DATE_EPOCH atau isi misalnya dengan 1795392000 (2026-11-23)",
    ),
    (
        "E9005",
        "write the name on one line, e.g. {} {}",
        "tulis nama dalam satu baris, misalnya {0} {1}",
    ),
    (
        "E9005",
        "e.g. --province \"Sulawesi Tengah\"",
        "misalnya --province \"Sulawesi Tengah\"",
    ),
    (
        "E9005",
        "change the argument the message names",
        "ubah argumen yang disebut dalam pesan",
    ),
    (
        "E9005",
        "{}the dimensions are {}",
        "{0:hint}dimensinya adalah {1}",
    ),
    ("E9005", "the dimensions are {}", "dimensinya adalah {0}"),
    ("E9005", "did you mean `{}`? ", "maksud Anda `{0}`? "),
    (
        "E9006",
        "pass --force to replace them",
        "berikan --force untuk menimpanya",
    ),
    (
        "E9007",
        "run `masterplan check {}` and fix masterplan.yaml first (or `masterplan init` in a new folder)",
        "jalankan `masterplan check {0}` dan perbaiki masterplan.yaml terlebih dahulu (atau `masterplan init` di folder baru)",
    ),
    (
        "E9010",
        "name a folder (it is created when missing), e.g. --out build",
        "sebutkan sebuah folder (dibuat bila belum ada), misalnya --out build",
    ),
    (
        "E9010",
        "name a folder (it is created when missing)",
        "sebutkan sebuah folder (dibuat bila belum ada)",
    ),
    (
        "E9011",
        "move or rename that folder, or choose another --out folder",
        "pindahkan atau ganti nama folder itu, atau pilih folder --out lain",
    ),
    (
        "E9011",
        "move it away, choose another --out folder, or pass --force to replace it",
        "pindahkan berkas itu, pilih folder --out lain, atau berikan --force untuk menimpanya",
    ),
    (
        "E9011",
        "move or rename that folder",
        "pindahkan atau ganti nama folder itu",
    ),
    (
        "E9012",
        "choose an --out folder outside pokja/, monitoring/ and templates/ (the default is <project>/build)",
        "pilih folder --out di luar pokja/, monitoring/, dan templates/ (bawaannya <proyek>/build)",
    ),
    (
        "E9012",
        "choose another --out folder (the default is <project>/build)",
        "pilih folder --out lain (bawaannya <proyek>/build)",
    ),
    (
        "E9013",
        "output names are relative paths inside the output folder, without `..`",
        "nama keluaran adalah lokasi relatif di dalam folder keluaran, tanpa `..`",
    ),
    (
        "E9013",
        "a copied file (such as the logo) has the name of a generated file; rename it",
        "berkas yang disalin (misalnya logo) bernama sama dengan berkas yang dihasilkan; ganti namanya",
    ),
    (
        "E9013",
        "rename the logo (e.g. logo.png) and change region.logo to match",
        "ganti nama logo (misalnya logo.png) dan sesuaikan region.logo",
    ),
    (
        "E9014",
        "nothing in the output folder was changed; free disk space or fix the permissions, then run again",
        "tidak ada yang diubah di folder keluaran; kosongkan ruang disk atau perbaiki izin aksesnya, lalu jalankan lagi",
    ),
    (
        "E9014",
        "nothing was written; fix the permissions or name another folder",
        "tidak ada yang ditulis; perbaiki izin aksesnya atau sebutkan folder lain",
    ),
    (
        "E9100",
        "fix the warnings, or run without --deny-warnings",
        "perbaiki peringatannya, atau jalankan tanpa --deny-warnings",
    ),
    (
        "E9102",
        "{}the commands are: {}",
        "{0:hint}perintahnya adalah: {1}",
    ),
    ("E9102", "did you mean `{}`? ", "maksud Anda `{0}`? "),
    ("E9102", "", ""),
    (
        "E9103",
        "fix the errors above (`masterplan check`), then run `masterplan schema` again",
        "perbaiki kesalahan di atas (`masterplan check`), lalu jalankan `masterplan schema` lagi",
    ),
    (
        "W9100",
        "refresh them with `masterplan schema {}`",
        "perbarui dengan `masterplan schema {0}`",
    ),
    (
        "E9400",
        "set it to `id` (Bahasa Indonesia) or `en` (English), or unset it",
        "isi dengan `id` (Bahasa Indonesia) atau `en` (English), atau hapus variabel itu",
    ),
];

/// Phrases inside messages and hints (the types of the wrong-type messages, the meanings of
/// scales, why a file is not read), for the `phrase` filter; code-independent.
pub(super) static PHRASES: &[(&str, &str, &str)] = &[
    ("*", "a whole number", "bilangan bulat"),
    (
        "*",
        "a small whole number (not negative)",
        "bilangan bulat kecil (tidak negatif)",
    ),
    (
        "*",
        "a whole number (not negative)",
        "bilangan bulat (tidak negatif)",
    ),
    ("*", "a number", "angka"),
    ("*", "a text", "teks"),
    ("*", "`true` or `false`", "`true` atau `false`"),
    ("*", "a list", "daftar"),
    (
        "*",
        "a mapping (`key: value` lines)",
        "kelompok isian (baris `kunci: nilai`)",
    ),
    ("*", "a mapping", "kelompok isian"),
    ("*", "a list of two items", "daftar berisi dua butir"),
    ("*", "a number or a short text", "angka atau teks pendek"),
    ("*", "nothing (an empty value)", "tidak ada (nilai kosong)"),
    (
        "*",
        "a whole number from {} to {}",
        "bilangan bulat {0} sampai {1}",
    ),
    (
        "*",
        "a year (a whole number such as 2027)",
        "tahun (bilangan bulat seperti 2027)",
    ),
    (
        "*",
        "an amount in whole Rupiah (digits only)",
        "jumlah dalam Rupiah utuh (angka saja)",
    ),
    ("*", "one of the {} values", "salah satu nilai {0}"),
    ("*", "`{}`", "`{0}`"),
    ("*", "string {}", "teks {0}"),
    ("*", "integer {}", "bilangan bulat {0}"),
    ("*", "floating point {}", "bilangan desimal {0}"),
    ("*", "boolean {}", "nilai benar/salah {0}"),
    (
        "*",
        "1 = lowest, 5 = highest",
        "1 = terendah, 5 = tertinggi",
    ),
    (
        "*",
        "1 = rare, 5 = almost certain",
        "1 = jarang, 5 = hampir pasti",
    ),
    (
        "*",
        "1 = negligible, 5 = severe",
        "1 = dapat diabaikan, 5 = sangat berat",
    ),
    (
        "*",
        "the number of a Sustainable Development Goal",
        "nomor Tujuan Pembangunan Berkelanjutan",
    ),
    (
        "*",
        "the length of the masterplan in years",
        "lama masterplan dalam tahun",
    ),
    // Why a file is not read (crate::input::Refusal).
    ("*", "the file does not exist", "berkas tidak ada"),
    (
        "*",
        "the path leads outside the project folder",
        "lokasinya mengarah ke luar folder proyek",
    ),
    (
        "*",
        "the path is a link to a file outside the project folder",
        "lokasinya merupakan tautan ke berkas di luar folder proyek",
    ),
    (
        "*",
        "it is {}, not a regular file",
        "berkas ini {0}, bukan berkas biasa",
    ),
    (
        "*",
        "it is larger than the limit of {} bytes",
        "ukurannya melebihi batas {0} bita",
    ),
    // What W0020 found in a Markdown field (crate::render::user_markdown).
    (
        "*",
        "raw HTML (shown as text)",
        "HTML mentah (ditampilkan sebagai teks)",
    ),
    ("*", "an HTML comment (dropped)", "komentar HTML (dibuang)"),
    (
        "*",
        "an unclosed code fence (closed at the end of the field)",
        "blok kode yang tidak ditutup (ditutup di akhir isian)",
    ),
    (
        "*",
        "an image (kept as its text)",
        "gambar (yang dipertahankan hanya teksnya)",
    ),
    (
        "*",
        "lists or quotes nested deeper than 16 levels (flattened)",
        "daftar atau kutipan bertingkat lebih dari 16 lapis (diratakan)",
    ),
    (
        "*",
        "control characters (dropped)",
        "karakter kendali (dibuang)",
    ),
    // The scores of E0216.
    ("*", "impact", "dampak (`impact`)"),
    ("*", "effort", "upaya (`effort`)"),
    ("*", "score", "skor (`score`)"),
    ("*", "target", "target (`target`)"),
    ("*", "likelihood", "kemungkinan (`likelihood`)"),
    // The closed sets of the worksheet (E0013 "unknown {what} `x`").
    ("*", "category", "kategori"),
    ("*", "status", "status"),
    ("*", "source", "sumber"),
    ("*", "dimension", "dimensi"),
    ("*", "element", "elemen"),
    ("*", "region type", "jenis daerah"),
    ("*", "language", "bahasa"),
];
