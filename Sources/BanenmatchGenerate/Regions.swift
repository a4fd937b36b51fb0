// The 35 arbeidsmarktregio's (CBS codes and membership: VNG, waotaa/e-core
// RegionDataService.php and AssignRegions.php, updated for the municipal mergers up to 2024
// and Vijfheerenlanden in Gorinchem since 2022), with 337 of the 342 municipalities of 2024
// (the smallest, such as the Frisian Wadden islands, are left out). Inhabitants: CBS,
// 1 January 2024, in thousands, rounded. Coordinates: the centre of the main town. Sources in
// samples/README.md.

private typealias M = Municipality

extension Region {
  public static let all: [Region] = [
    Region(
      "groningen", "AM01", "Groningen",
      [
        M("Groningen", 243, 53.2194, 6.5665), M("Assen", 70, 52.9925, 6.5625), M("Westerkwartier", 65, 53.2466, 6.4040),
        M("Midden-Groningen", 61, 53.1617, 6.7597), M("Het Hogeland", 48, 53.3306, 6.5167),
        M("Eemsdelta", 45, 53.3300, 6.9183), M("Oldambt", 39, 53.1442, 7.0347), M("Tynaarlo", 35, 53.0747, 6.5778),
        M("Stadskanaal", 32, 52.9900, 6.9500), M("Noordenveld", 32, 53.1375, 6.4264), M("Veendam", 28, 53.1067, 6.8792),
        M("Westerwolde", 26, 52.8767, 7.0717), M("Aa en Hunze", 26, 53.0058, 6.7633), M("Pekela", 12, 53.1042, 7.0097),
      ]),
    Region(
      "friesland", "AM02", "Friesland",
      [
        M("Leeuwarden", 127, 53.2012, 5.7999), M("Súdwest-Fryslân", 92, 53.0325, 5.6589),
        M("Smallingerland", 57, 53.1100, 6.0989), M("Heerenveen", 52, 52.9600, 5.9200),
        M("De Fryske Marren", 52, 52.9658, 5.7928), M("Waadhoeke", 47, 53.1875, 5.5417),
        M("Noardeast-Fryslân", 45, 53.3264, 5.9986), M("Tytsjerksteradiel", 32, 53.1925, 5.9900),
        M("Opsterland", 30, 53.0067, 6.0656), M("Achtkarspelen", 28, 53.2522, 6.1456),
        M("Ooststellingwerf", 26, 52.9914, 6.2903), M("Weststellingwerf", 26, 52.8758, 5.9953),
        M("Dantumadiel", 19, 53.2883, 5.9958), M("Harlingen", 16, 53.1747, 5.4231),
      ]),
    Region(
      "drenthe", "AM03", "Drenthe",
      [
        M("Emmen", 109, 52.7792, 6.9069), M("Hoogeveen", 57, 52.7225, 6.4764), M("Coevorden", 36, 52.6608, 6.7408),
        M("Midden-Drenthe", 34, 52.8633, 6.5139), M("Borger-Odoorn", 26, 52.8836, 6.8606),
        M("De Wolden", 25, 52.6717, 6.4283),
      ]),
    Region(
      "regio-zwolle", "AM36", "Regio Zwolle",
      [
        M("Zwolle", 132, 52.5168, 6.0830), M("Hardenberg", 62, 52.5758, 6.6194), M("Kampen", 55, 52.5550, 5.9114),
        M("Steenwijkerland", 45, 52.7875, 6.1194), M("Raalte", 38, 52.3850, 6.2750), M("Meppel", 36, 52.6958, 6.1944),
        M("Dalfsen", 29, 52.5050, 6.2583), M("Oldebroek", 24, 52.4617, 6.0022),
        M("Zwartewaterland", 23, 52.5914, 6.0958), M("Westerveld", 20, 52.8550, 6.3181),
        M("Ommen", 18, 52.5208, 6.4208),
        M("Staphorst", 18, 52.6450, 6.2111), M("Hattem", 12, 52.4750, 6.0653),
      ]),
    Region(
      "twente", "AM05", "Twente",
      [
        M("Enschede", 162, 52.2215, 6.8937), M("Hengelo", 82, 52.2658, 6.7931), M("Almelo", 74, 52.3567, 6.6625),
        M("Rijssen-Holten", 39, 52.3100, 6.5197), M("Hellendoorn", 36, 52.3625, 6.4639),
        M("Hof van Twente", 35, 52.2333, 6.5833), M("Twenterand", 34, 52.4089, 6.6222),
        M("Oldenzaal", 32, 52.3131, 6.9292), M("Dinkelland", 27, 52.3775, 7.0064), M("Wierden", 25, 52.3592, 6.5931),
        M("Haaksbergen", 24, 52.1564, 6.7389), M("Borne", 24, 52.3000, 6.7500), M("Losser", 23, 52.2608, 7.0042),
        M("Tubbergen", 21, 52.4067, 6.7833),
      ]),
    Region(
      "stedendriehoek-en-noordwest-veluwe", "AM06", "Stedendriehoek en Noordwest Veluwe",
      [
        M("Apeldoorn", 166, 52.2112, 5.9699), M("Deventer", 102, 52.2550, 6.1639), M("Harderwijk", 49, 52.3417, 5.6208),
        M("Zutphen", 49, 52.1383, 6.2014), M("Lochem", 34, 52.1592, 6.4111), M("Epe", 33, 52.3475, 5.9836),
        M("Nunspeet", 29, 52.3792, 5.7861), M("Ermelo", 27, 52.2986, 5.6222), M("Putten", 25, 52.2592, 5.6083),
        M("Voorst", 25, 52.2367, 6.1033), M("Elburg", 24, 52.4475, 5.8339), M("Zeewolde", 24, 52.3300, 5.5417),
        M("Brummen", 21, 52.0900, 6.1550), M("Heerde", 19, 52.3869, 6.0419), M("Olst-Wijhe", 18, 52.3383, 6.1100),
      ]),
    Region(
      "achterhoek", "AM09", "Achterhoek",
      [
        M("Doetinchem", 59, 51.9650, 6.2889), M("Berkelland", 45, 52.1158, 6.5217),
        M("Oude IJsselstreek", 40, 51.8942, 6.3797), M("Bronckhorst", 37, 52.0500, 6.3100),
        M("Montferland", 36, 51.9408, 6.1322), M("Oost Gelre", 30, 52.0417, 6.6125),
        M("Winterswijk", 29, 51.9725, 6.7194), M("Aalten", 27, 51.9250, 6.5808),
      ]),
    Region(
      "midden-gelderland", "AM07", "Midden-Gelderland",
      [
        M("Arnhem", 166, 51.9851, 5.8987), M("Overbetuwe", 49, 51.9192, 5.8481), M("Lingewaard", 48, 51.8917, 5.8958),
        M("Zevenaar", 45, 51.9267, 6.0708), M("Rheden", 44, 52.0000, 5.9800), M("Renkum", 32, 51.9858, 5.8461),
        M("Duiven", 26, 51.9467, 6.0139), M("Westervoort", 15, 51.9558, 5.9725), M("Doesburg", 12, 52.0125, 6.1389),
      ]),
    Region(
      "rijk-van-nijmegen", "AM08", "Rijk van Nijmegen",
      [
        M("Nijmegen", 182, 51.8426, 5.8528), M("Wijchen", 42, 51.8092, 5.7250), M("Berg en Dal", 35, 51.7767, 5.9361),
        M("Beuningen", 26, 51.8608, 5.7667), M("Druten", 19, 51.8883, 5.6050), M("Heumen", 17, 51.7817, 5.8542),
        M("Mook en Middelaar", 8, 51.7525, 5.8814),
      ]),
    Region(
      "foodvalley", "AM38", "FoodValley",
      [
        M("Ede", 120, 52.0400, 5.6650), M("Veenendaal", 69, 52.0286, 5.5589), M("Barneveld", 62, 52.1400, 5.5847),
        M("Wageningen", 41, 51.9692, 5.6653), M("Rhenen", 20, 51.9592, 5.5683), M("Scherpenzeel", 10, 52.0808, 5.4889),
        M("Renswoude", 5, 52.0733, 5.5403),
      ]),
    Region(
      "rivierenland", "AM10", "Rivierenland",
      [
        M("West Betuwe", 52, 51.8808, 5.2889), M("Tiel", 42, 51.8867, 5.4292), M("Culemborg", 30, 51.9550, 5.2278),
        M("Zaltbommel", 30, 51.8092, 5.2492), M("Buren", 28, 51.9108, 5.3333), M("Neder-Betuwe", 25, 51.9308, 5.6347),
        M("Maasdriel", 25, 51.7708, 5.3358), M("West Maas en Waal", 20, 51.8883, 5.5125),
      ]),
    Region(
      "flevoland", "AM11", "Flevoland",
      [
        M("Almere", 227, 52.3508, 5.2647), M("Lelystad", 84, 52.5185, 5.4714),
        M("Noordoostpolder", 50, 52.7108, 5.7481),
        M("Dronten", 44, 52.5250, 5.7181), M("Urk", 22, 52.6617, 5.5986),
      ]),
    Region(
      "amersfoort", "AM14", "Amersfoort",
      [
        M("Amersfoort", 160, 52.1561, 5.3878), M("Soest", 47, 52.1733, 5.2917), M("Nijkerk", 45, 52.2200, 5.4861),
        M("Leusden", 31, 52.1325, 5.4311), M("Baarn", 25, 52.2117, 5.2883), M("Bunschoten", 22, 52.2433, 5.3750),
        M("Woudenberg", 14, 52.0800, 5.4167),
      ]),
    Region(
      "midden-utrecht", "AM13", "Midden-Utrecht",
      [
        M("Utrecht", 367, 52.0907, 5.1214), M("Nieuwegein", 66, 52.0292, 5.0806), M("Zeist", 66, 52.0906, 5.2333),
        M("Stichtse Vecht", 66, 52.1350, 5.0417), M("Woerden", 53, 52.0858, 4.8833), M("Houten", 51, 52.0283, 5.1681),
        M("Utrechtse Heuvelrug", 50, 52.0333, 5.3417), M("De Bilt", 44, 52.1283, 5.2014),
        M("IJsselstein", 35, 52.0200, 5.0431), M("Wijk bij Duurstede", 24, 51.9742, 5.3408),
        M("Bunnik", 16, 52.0667, 5.1986), M("Lopik", 15, 51.9725, 4.9500), M("Montfoort", 14, 52.0458, 4.9525),
        M("Oudewater", 10, 52.0250, 4.8675),
      ]),
    Region(
      "gooi-en-vechtstreek", "AM12", "Gooi- en Vechtstreek",
      [
        M("Hilversum", 93, 52.2292, 5.1669), M("Gooise Meren", 60, 52.2733, 5.1611), M("Huizen", 42, 52.2992, 5.2417),
        M("Wijdemeren", 25, 52.2000, 5.1000), M("Blaricum", 12, 52.2725, 5.2417), M("Laren", 12, 52.2567, 5.2278),
        M("Eemnes", 9, 52.2533, 5.2583),
      ]),
    Region(
      "groot-amsterdam", "AM18", "Groot Amsterdam",
      [
        M("Amsterdam", 932, 52.3728, 4.8936), M("Haarlemmermeer", 162, 52.3025, 4.6889),
        M("Amstelveen", 94, 52.3036, 4.8597), M("De Ronde Venen", 46, 52.2067, 4.8625),
        M("Aalsmeer", 33, 52.2642, 4.7625),
        M("Diemen", 32, 52.3392, 4.9625), M("Uithoorn", 31, 52.2375, 4.8250), M("Ouder-Amstel", 15, 52.2950, 4.9117),
      ]),
    Region(
      "zaanstreek-waterland", "AM17", "Zaanstreek/Waterland",
      [
        M("Zaanstad", 158, 52.4389, 4.8261), M("Purmerend", 93, 52.5050, 4.9592),
        M("Edam-Volendam", 37, 52.4950, 5.0706),
        M("Wormerland", 17, 52.4950, 4.8042), M("Waterland", 17, 52.4583, 5.0375), M("Landsmeer", 12, 52.4300, 4.9150),
        M("Oostzaan", 10, 52.4400, 4.8767),
      ]),
    Region(
      "noord-holland-noord", "AM15", "Noord-Holland Noord",
      [
        M("Alkmaar", 111, 52.6324, 4.7534), M("Dijk en Waard", 90, 52.6692, 4.8297), M("Hoorn", 75, 52.6425, 5.0597),
        M("Den Helder", 56, 52.9533, 4.7608), M("Hollands Kroon", 49, 52.8639, 4.8322),
        M("Schagen", 47, 52.7875, 4.8028),
        M("Medemblik", 47, 52.7717, 5.1061), M("Castricum", 37, 52.5483, 4.6694), M("Bergen", 30, 52.6600, 4.7036),
        M("Heiloo", 25, 52.6000, 4.7000), M("Koggenland", 24, 52.6167, 4.9500), M("Stede Broec", 22, 52.6967, 5.2375),
        M("Drechterland", 20, 52.6950, 5.1783), M("Enkhuizen", 19, 52.7033, 5.2911), M("Texel", 14, 53.0542, 4.7972),
        M("Uitgeest", 14, 52.5300, 4.7100), M("Opmeer", 12, 52.6950, 4.9567),
      ]),
    Region(
      "zuid-kennemerland-en-ijmond", "AM37", "Zuid-Kennemerland en IJmond",
      [
        M("Haarlem", 163, 52.3874, 4.6462), M("Velsen", 69, 52.4583, 4.6167), M("Beverwijk", 42, 52.4833, 4.6569),
        M("Heemskerk", 40, 52.5108, 4.6722), M("Heemstede", 28, 52.3500, 4.6208), M("Bloemendaal", 24, 52.3917, 4.6125),
        M("Zandvoort", 17, 52.3713, 4.5331),
      ]),
    Region(
      "holland-rijnland", "AM19", "Holland Rijnland",
      [
        M("Leiden", 127, 52.1601, 4.4970), M("Alphen aan den Rijn", 115, 52.1292, 4.6553),
        M("Katwijk", 67, 52.2033, 4.4181), M("Noordwijk", 45, 52.2408, 4.4458), M("Teylingen", 38, 52.2250, 4.5222),
        M("Nieuwkoop", 30, 52.1500, 4.7800), M("Leiderdorp", 28, 52.1583, 4.5375),
        M("Kaag en Braassem", 28, 52.2033, 4.6333), M("Oegstgeest", 26, 52.1800, 4.4681),
        M("Lisse", 23, 52.2575, 4.5569),
        M("Hillegom", 23, 52.2917, 4.5833), M("Zoeterwoude", 9, 52.1200, 4.5000),
      ]),
    Region(
      "zuid-holland-centraal", "AM34", "Zuid-Holland Centraal",
      [
        M("Zoetermeer", 128, 52.0575, 4.4931), M("Leidschendam-Voorburg", 78, 52.0833, 4.3900),
        M("Lansingerland", 64, 51.9900, 4.4967), M("Pijnacker-Nootdorp", 57, 52.0192, 4.4292),
        M("Wassenaar", 27, 52.1450, 4.4022), M("Voorschoten", 26, 52.1275, 4.4486),
      ]),
    Region(
      "haaglanden", "AM21", "Haaglanden",
      [
        M("Den Haag", 561, 52.0705, 4.3007), M("Westland", 114, 51.9942, 4.2097), M("Delft", 105, 52.0116, 4.3571),
        M("Rijswijk", 58, 52.0364, 4.3250), M("Midden-Delfland", 20, 51.9758, 4.3139),
      ]),
    Region(
      "midden-holland", "AM20", "Midden-Holland",
      [
        M("Gouda", 75, 52.0115, 4.7105), M("Krimpenerwaard", 57, 51.9717, 4.7736),
        M("Bodegraven-Reeuwijk", 36, 52.0825, 4.7500), M("Waddinxveen", 32, 52.0450, 4.6528),
      ]),
    Region(
      "rijnmond", "AM22", "Rijnmond",
      [
        M("Rotterdam", 664, 51.9244, 4.4777), M("Hoeksche Waard", 90, 51.8242, 4.4117),
        M("Nissewaard", 87, 51.8450, 4.3292),
        M("Schiedam", 80, 51.9192, 4.3989), M("Vlaardingen", 75, 51.9125, 4.3417),
        M("Voorne aan Zee", 71, 51.9017, 4.1625),
        M("Capelle aan den IJssel", 68, 51.9292, 4.5778), M("Goeree-Overflakkee", 52, 51.7575, 4.1667),
        M("Zuidplas", 52, 51.9650, 4.6111), M("Barendrecht", 50, 51.8567, 4.5347), M("Ridderkerk", 47, 51.8725, 4.6028),
        M("Maassluis", 34, 51.9233, 4.2500), M("Krimpen aan den IJssel", 30, 51.9167, 4.5833),
        M("Albrandswaard", 26, 51.8567, 4.4211),
      ]),
    Region(
      "drechtsteden", "AM23", "Drechtsteden",
      [
        M("Dordrecht", 121, 51.8133, 4.6901), M("Zwijndrecht", 45, 51.8175, 4.6392),
        M("Papendrecht", 33, 51.8317, 4.6875),
        M("Hendrik-Ido-Ambacht", 32, 51.8442, 4.6381), M("Sliedrecht", 26, 51.8208, 4.7764),
        M("Alblasserdam", 21, 51.8650, 4.6608),
      ]),
    Region(
      "gorinchem", "AM35", "Gorinchem",
      [
        M("Vijfheerenlanden", 58, 51.8933, 5.0917), M("Molenlanden", 45, 51.8733, 4.7833),
        M("Gorinchem", 38, 51.8342, 4.9742), M("Hardinxveld-Giessendam", 19, 51.8267, 4.8408),
      ]),
    Region(
      "zeeland", "AM24", "Zeeland",
      [
        M("Terneuzen", 55, 51.3358, 3.8278), M("Middelburg", 49, 51.4988, 3.6136), M("Vlissingen", 45, 51.4425, 3.5736),
        M("Goes", 39, 51.5044, 3.8883), M("Schouwen-Duiveland", 34, 51.6500, 3.9167), M("Hulst", 27, 51.2800, 4.0528),
        M("Tholen", 27, 51.5317, 4.2200), M("Borsele", 23, 51.4733, 3.8156), M("Sluis", 23, 51.3250, 3.4875),
        M("Reimerswaal", 23, 51.4483, 4.0322), M("Veere", 22, 51.5633, 3.4967), M("Kapelle", 13, 51.4867, 3.9583),
        M("Noord-Beveland", 8, 51.5833, 3.7467),
      ]),
    Region(
      "west-brabant", "AM25", "West-Brabant",
      [
        M("Breda", 186, 51.5890, 4.7760), M("Roosendaal", 78, 51.5308, 4.4653),
        M("Bergen op Zoom", 69, 51.4947, 4.2869),
        M("Oosterhout", 57, 51.6450, 4.8597), M("Altena", 57, 51.7706, 4.9597), M("Etten-Leur", 45, 51.5700, 4.6375),
        M("Moerdijk", 38, 51.6450, 4.6036), M("Halderberge", 30, 51.5892, 4.5283), M("Drimmelen", 28, 51.6767, 4.7931),
        M("Steenbergen", 25, 51.5842, 4.3194), M("Rucphen", 23, 51.5317, 4.5583), M("Zundert", 23, 51.4717, 4.6556),
        M("Geertruidenberg", 22, 51.6983, 4.8733), M("Woensdrecht", 22, 51.4242, 4.3247),
      ]),
    Region(
      "midden-brabant", "AM26", "Midden-Brabant",
      [
        M("Tilburg", 227, 51.5606, 5.0919), M("Waalwijk", 49, 51.6825, 5.0706), M("Heusden", 46, 51.6958, 5.2139),
        M("Oisterwijk", 33, 51.5792, 5.1889), M("Dongen", 27, 51.6267, 4.9389),
        M("Gilze en Rijen", 27, 51.5906, 4.9194),
        M("Goirle", 24, 51.5208, 5.0667), M("Loon op Zand", 24, 51.6567, 5.0436),
        M("Hilvarenbeek", 16, 51.4858, 5.1375),
        M("Alphen-Chaam", 10, 51.4817, 4.9583), M("Baarle-Nassau", 7, 51.4450, 4.9300),
      ]),
    Region(
      "noordoost-brabant", "AM27", "Noordoost-Brabant",
      [
        M("'s-Hertogenbosch", 160, 51.6978, 5.3037), M("Oss", 95, 51.7650, 5.5181),
        M("Land van Cuijk", 92, 51.7275, 5.8792), M("Meierijstad", 83, 51.6167, 5.5486),
        M("Maashorst", 62, 51.6608, 5.6194),
        M("Bernheze", 33, 51.7317, 5.5258), M("Boxtel", 32, 51.5908, 5.3292),
        M("Sint-Michielsgestel", 30, 51.6417, 5.3528),
        M("Vught", 28, 51.6533, 5.2875), M("Boekel", 11, 51.6033, 5.6750),
      ]),
    Region(
      "zuidoost-brabant", "AM28", "Zuidoost-Brabant",
      [
        M("Eindhoven", 243, 51.4416, 5.4697), M("Veldhoven", 46, 51.4183, 5.4028),
        M("Valkenswaard", 31, 51.3508, 5.4597),
        M("Best", 31, 51.5075, 5.3903), M("Nuenen, Gerwen en Nederwetten", 24, 51.4700, 5.5500),
        M("Bladel", 21, 51.3683, 5.2208), M("Eersel", 20, 51.3575, 5.3181), M("Oirschot", 19, 51.5050, 5.3131),
        M("Bergeijk", 19, 51.3192, 5.3589), M("Waalre", 18, 51.3867, 5.4444), M("Son en Breugel", 17, 51.5117, 5.4917),
        M("Heeze-Leende", 16, 51.3833, 5.5722), M("Reusel-De Mierden", 13, 51.3625, 5.1653),
      ]),
    Region(
      "helmond-de-peel", "AM32", "Helmond-De Peel",
      [
        M("Helmond", 95, 51.4817, 5.6611), M("Geldrop-Mierlo", 40, 51.4217, 5.5594), M("Deurne", 33, 51.4642, 5.7961),
        M("Gemert-Bakel", 31, 51.5558, 5.6889), M("Laarbeek", 23, 51.5292, 5.6319), M("Someren", 20, 51.3850, 5.7111),
        M("Asten", 17, 51.4042, 5.7472),
      ]),
    Region(
      "noord-limburg", "AM29", "Noord-Limburg",
      [
        M("Venlo", 103, 51.3704, 6.1724), M("Peel en Maas", 45, 51.3275, 5.9797),
        M("Horst aan de Maas", 44, 51.4542, 6.0514),
        M("Venray", 44, 51.5258, 5.9744), M("Gennep", 17, 51.6983, 5.9733), M("Beesel", 13, 51.2833, 6.0778),
        M("Bergen (L.)", 13, 51.6000, 6.0500),
      ]),
    Region(
      "midden-limburg", "AM33", "Midden-Limburg",
      [
        M("Roermond", 59, 51.1942, 5.9870), M("Weert", 51, 51.2517, 5.7061), M("Leudal", 36, 51.2500, 5.9000),
        M("Echt-Susteren", 32, 51.1033, 5.8736), M("Maasgouw", 24, 51.1500, 5.8800),
        M("Roerdalen", 21, 51.1436, 6.0003),
        M("Cranendonck", 21, 51.2733, 5.5733), M("Nederweert", 17, 51.2858, 5.7486),
      ]),
    Region(
      "zuid-limburg", "AM30", "Zuid-Limburg",
      [
        M("Maastricht", 122, 50.8514, 5.6910), M("Sittard-Geleen", 91, 50.9983, 5.8692),
        M("Heerlen", 87, 50.8882, 5.9795),
        M("Kerkrade", 45, 50.8658, 6.0625), M("Landgraaf", 37, 50.9083, 6.0297), M("Beekdaelen", 36, 50.9167, 5.8833),
        M("Brunssum", 27, 50.9467, 5.9708), M("Stein", 25, 50.9694, 5.7667),
        M("Eijsden-Margraten", 25, 50.8208, 5.8208),
        M("Meerssen", 19, 50.8833, 5.7500), M("Valkenburg aan de Geul", 16, 50.8650, 5.8314),
        M("Beek", 16, 50.9408, 5.7969),
        M("Gulpen-Wittem", 14, 50.8150, 5.8917), M("Voerendaal", 12, 50.8825, 5.9294),
        M("Simpelveld", 10, 50.8342, 5.9819),
        M("Vaals", 10, 50.7708, 6.0183),
      ]),
  ]
}
