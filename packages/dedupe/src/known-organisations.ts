/**
 * Bodies any migration network meets: the UN system and the international partners that work
 * beside it, with their names and acronyms in English, French and Spanish, and for the bodies
 * that work in Russian-speaking countries, the names and acronyms they use in Russian.
 */
export type KnownOrganisation = {
  key: string;
  acronyms: readonly string[];
  names: readonly string[];
};

export const KNOWN_ORGANISATIONS: readonly KnownOrganisation[] = [
  {
    key: "IOM",
    acronyms: ["IOM", "OIM", "UN Migration", "МОМ"],
    names: [
      "Международная организация по миграции",

      "International Organization for Migration",
      "Organisation internationale pour les migrations",
      "Organización Internacional para las Migraciones",
    ],
  },
  {
    key: "ILO",
    acronyms: ["ILO", "BIT", "OIT", "МОТ", "МБТ"],
    names: [
      "Международная организация труда",
      "Международное бюро труда",

      "International Labour Organization",
      "International Labour Office",
      "Organisation internationale du Travail",
      "Bureau international du Travail",
      "Organización Internacional del Trabajo",
      "Oficina Internacional del Trabajo",
    ],
  },
  {
    key: "UNHCR",
    acronyms: ["UNHCR", "HCR", "ACNUR", "UN Refugee Agency", "УВКБ ООН", "УВКБ"],
    names: [
      "Управление Верховного комиссара Организации Объединённых Наций по делам беженцев",
      "Управление Верховного комиссара ООН по делам беженцев",

      "Office of the United Nations High Commissioner for Refugees",
      "United Nations High Commissioner for Refugees",
      "UN High Commissioner for Refugees",
      "UN Refugee Agency",
      "Haut Commissariat des Nations Unies pour les réfugiés",
      "Haut-Commissariat des Nations unies pour les réfugiés",
      "Agence des Nations Unies pour les réfugiés",
      "Alto Comisionado de las Naciones Unidas para los Refugiados",
      "Agencia de la ONU para los Refugiados",
    ],
  },
  {
    key: "UNICEF",
    acronyms: ["UNICEF", "ЮНИСЕФ"],
    names: [
      "Детский фонд Организации Объединённых Наций",
      "Детский фонд ООН",

      "United Nations Children's Fund",
      "UN Children's Fund",
      "United Nations International Children's Emergency Fund",
      "Fonds des Nations Unies pour l'enfance",
      "Fondo de las Naciones Unidas para la Infancia",
    ],
  },
  {
    key: "UNDP",
    acronyms: ["UNDP", "PNUD", "ПРООН"],
    names: [
      "Программа развития Организации Объединённых Наций",
      "Программа развития ООН",

      "United Nations Development Programme",
      "Programme des Nations Unies pour le développement",
      "Programa de las Naciones Unidas para el Desarrollo",
    ],
  },
  {
    key: "UNFPA",
    acronyms: ["UNFPA", "FNUAP", "ЮНФПА"],
    names: [
      "Фонд Организации Объединённых Наций в области народонаселения",
      "Фонд ООН в области народонаселения",

      "United Nations Population Fund",
      "Fonds des Nations Unies pour la population",
      "Fondo de Población de las Naciones Unidas",
    ],
  },
  {
    key: "UNCDF",
    acronyms: ["UNCDF", "FENU", "FNUDC"],
    names: [
      "United Nations Capital Development Fund",
      "Fonds d'équipement des Nations Unies",
      "Fondo de las Naciones Unidas para el Desarrollo de la Capitalización",
    ],
  },
  {
    key: "UN-WOMEN",
    acronyms: [
      "UN Women",
      "UN-Women",
      "ONU Femmes",
      "ONU Mujeres",
      "ООН-женщины",
      "Структура ООН-женщины",
    ],
    names: [
      "United Nations Entity for Gender Equality and the Empowerment of Women",
      "Entité des Nations Unies pour l'égalité des sexes et l'autonomisation des femmes",
      "Entidad de las Naciones Unidas para la Igualdad de Género y el Empoderamiento de las Mujeres",
    ],
  },
  {
    key: "WHO",
    acronyms: ["WHO", "OMS", "ВОЗ"],
    names: [
      "Всемирная организация здравоохранения",

      "World Health Organization",
      "Organisation mondiale de la santé",
      "Organización Mundial de la Salud",
    ],
  },
  {
    key: "PAHO",
    acronyms: ["PAHO", "OPS"],
    names: ["Pan American Health Organization", "Organización Panamericana de la Salud"],
  },
  {
    key: "UNODC",
    acronyms: ["UNODC", "ONUDC", "UNDOC", "УНП ООН", "ЮНОДК"],
    names: [
      "Управление Организации Объединённых Наций по наркотикам и преступности",
      "Управление ООН по наркотикам и преступности",

      "United Nations Office on Drugs and Crime",
      "Office des Nations Unies contre la drogue et le crime",
      "Oficina de las Naciones Unidas contra la Droga y el Delito",
    ],
  },
  {
    key: "OHCHR",
    acronyms: ["OHCHR", "HCDH", "ACNUDH", "UN Human Rights", "УВКПЧ"],
    names: [
      "Управление Верховного комиссара Организации Объединённых Наций по правам человека",
      "Управление Верховного комиссара ООН по правам человека",

      "Office of the United Nations High Commissioner for Human Rights",
      "United Nations High Commissioner for Human Rights",
      "Haut-Commissariat des Nations Unies aux droits de l'homme",
      "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
    ],
  },
  {
    key: "UNESCO",
    acronyms: ["UNESCO", "ЮНЕСКО"],
    names: [
      "United Nations Educational, Scientific and Cultural Organization",
      "Organisation des Nations Unies pour l'éducation, la science et la culture",
      "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura",
    ],
  },
  {
    key: "FAO",
    acronyms: ["FAO", "ФАО"],
    names: [
      "Продовольственная и сельскохозяйственная организация Объединённых Наций",

      "Food and Agriculture Organization",
      "Food and Agriculture Organization of the United Nations",
      "Organisation des Nations Unies pour l'alimentation et l'agriculture",
      "Organización de las Naciones Unidas para la Alimentación y la Agricultura",
    ],
  },
  {
    key: "WFP",
    acronyms: ["WFP", "PAM", "PMA", "ВПП"],
    names: [
      "Всемирная продовольственная программа",

      "World Food Programme",
      "Programme alimentaire mondial",
      "Programa Mundial de Alimentos",
    ],
  },
  {
    key: "IFAD",
    acronyms: ["IFAD", "FIDA"],
    names: [
      "International Fund for Agricultural Development",
      "Fonds international de développement agricole",
      "Fondo Internacional de Desarrollo Agrícola",
    ],
  },
  {
    key: "UN-HABITAT",
    acronyms: ["UN-Habitat", "UN Habitat", "ONU-Habitat", "ООН-Хабитат"],
    names: [
      "United Nations Human Settlements Programme",
      "Programme des Nations Unies pour les établissements humains",
      "Programa de las Naciones Unidas para los Asentamientos Humanos",
    ],
  },
  {
    key: "UNEP",
    acronyms: ["UNEP", "PNUE", "PNUMA", "UN Environment"],
    names: [
      "United Nations Environment Programme",
      "Programme des Nations Unies pour l'environnement",
      "Programa de las Naciones Unidas para el Medio Ambiente",
    ],
  },
  {
    key: "UNAIDS",
    acronyms: ["UNAIDS", "ONUSIDA"],
    names: [
      "Joint United Nations Programme on HIV/AIDS",
      "Programme commun des Nations Unies sur le VIH/sida",
      "Programa Conjunto de las Naciones Unidas sobre el VIH/Sida",
    ],
  },
  {
    key: "UNOPS",
    acronyms: ["UNOPS"],
    names: [
      "United Nations Office for Project Services",
      "Bureau des Nations Unies pour les services d'appui aux projets",
      "Oficina de las Naciones Unidas de Servicios para Proyectos",
    ],
  },
  {
    key: "UNIDO",
    acronyms: ["UNIDO", "ONUDI"],
    names: [
      "United Nations Industrial Development Organization",
      "Organisation des Nations Unies pour le développement industriel",
      "Organización de las Naciones Unidas para el Desarrollo Industrial",
    ],
  },
  {
    key: "UNCTAD",
    acronyms: ["UNCTAD", "CNUCED", "UN Trade and Development"],
    names: [
      "United Nations Conference on Trade and Development",
      "Conférence des Nations Unies sur le commerce et le développement",
      "Conferencia de las Naciones Unidas sobre Comercio y Desarrollo",
    ],
  },
  {
    key: "ITC",
    acronyms: ["ITC", "CCI"],
    names: [
      "International Trade Centre",
      "Centre du commerce international",
      "Centro de Comercio Internacional",
    ],
  },
  {
    key: "OCHA",
    acronyms: ["OCHA", "BCAH", "OCAH"],
    names: [
      "Office for the Coordination of Humanitarian Affairs",
      "United Nations Office for the Coordination of Humanitarian Affairs",
      "Bureau de la coordination des affaires humanitaires",
      "Oficina de Coordinación de Asuntos Humanitarios",
    ],
  },
  {
    key: "UNV",
    acronyms: ["UNV", "VNU"],
    names: [
      "United Nations Volunteers",
      "Volontaires des Nations Unies",
      "Voluntarios de las Naciones Unidas",
    ],
  },
  {
    key: "UNITAR",
    acronyms: ["UNITAR"],
    names: ["United Nations Institute for Training and Research"],
  },
  {
    key: "UNRWA",
    acronyms: ["UNRWA", "OOPS"],
    names: ["United Nations Relief and Works Agency for Palestine Refugees in the Near East"],
  },
  {
    key: "UNDRR",
    acronyms: ["UNDRR", "UNISDR"],
    names: [
      "United Nations Office for Disaster Risk Reduction",
      "Bureau des Nations Unies pour la réduction des risques de catastrophe",
      "Oficina de las Naciones Unidas para la Reducción del Riesgo de Desastres",
    ],
  },
  {
    key: "UNECE",
    acronyms: ["UNECE", "ECE", "CEE-ONU"],
    names: [
      "United Nations Economic Commission for Europe",
      "Commission économique des Nations Unies pour l'Europe",
      "Comisión Económica de las Naciones Unidas para Europa",
    ],
  },
  {
    key: "ESCAP",
    acronyms: ["ESCAP", "CESAP"],
    names: ["Economic and Social Commission for Asia and the Pacific"],
  },
  {
    key: "ECLAC",
    acronyms: ["ECLAC", "CEPAL"],
    names: [
      "Economic Commission for Latin America and the Caribbean",
      "Comisión Económica para América Latina y el Caribe",
      "Commission économique pour l'Amérique latine et les Caraïbes",
    ],
  },
  {
    key: "ECA",
    acronyms: ["ECA", "UNECA", "CEA"],
    names: [
      "Economic Commission for Africa",
      "Commission économique pour l'Afrique",
      "Comisión Económica para África",
    ],
  },
  {
    key: "ESCWA",
    acronyms: ["ESCWA", "CESAO"],
    names: ["Economic and Social Commission for Western Asia"],
  },
  {
    key: "DESA",
    acronyms: ["DESA", "UN DESA", "UNDESA"],
    names: [
      "Department of Economic and Social Affairs",
      "United Nations Department of Economic and Social Affairs",
    ],
  },
  {
    key: "RCO",
    acronyms: ["RCO", "UNRCO", "UN RCO", "BCR", "OCR"],
    names: [
      "Офис Координатора-резидента ООН",

      "Resident Coordinator's Office",
      "Resident Coordinator Office",
      "Office of the Resident Coordinator",
      "United Nations Resident Coordinator's Office",
      "UN Resident Coordinator's Office",
      "Resident Coordinator",
      "UN Resident Coordinator",
      "Bureau du Coordonnateur résident",
      "Bureau du Coordonnateur résident des Nations Unies",
      "Oficina del Coordinador Residente",
      "Oficina de la Coordinadora Residente",
    ],
  },
  {
    key: "UNNM",
    acronyms: ["UNNM", "UN Network on Migration"],
    names: [
      "United Nations Network on Migration",
      "Réseau des Nations Unies sur les migrations",
      "Red de las Naciones Unidas sobre la Migración",
    ],
  },
  {
    key: "WORLD-BANK",
    acronyms: ["WB", "IBRD", "BIRD", "BIRF"],
    names: ["Всемирный банк", "World Bank", "World Bank Group", "Banque mondiale", "Banco Mundial"],
  },
  {
    key: "IMF",
    acronyms: ["IMF", "FMI"],
    names: [
      "International Monetary Fund",
      "Fonds monétaire international",
      "Fondo Monetario Internacional",
    ],
  },
  {
    key: "ITU",
    acronyms: ["ITU", "UIT"],
    names: [
      "International Telecommunication Union",
      "Union internationale des télécommunications",
      "Unión Internacional de Telecomunicaciones",
    ],
  },
  {
    key: "UNWTO",
    acronyms: ["UNWTO", "UN Tourism", "OMT"],
    names: [
      "World Tourism Organization",
      "Organisation mondiale du tourisme",
      "Organización Mundial del Turismo",
    ],
  },
  {
    key: "IMO",
    acronyms: ["IMO", "OMI"],
    names: [
      "International Maritime Organization",
      "Organisation maritime internationale",
      "Organización Marítima Internacional",
    ],
  },
  {
    key: "ICAO",
    acronyms: ["ICAO", "OACI"],
    names: [
      "International Civil Aviation Organization",
      "Organisation de l'aviation civile internationale",
    ],
  },
  {
    key: "UNU",
    acronyms: ["UNU"],
    names: [
      "United Nations University",
      "Université des Nations Unies",
      "Universidad de las Naciones Unidas",
    ],
  },
  {
    key: "OSCE",
    acronyms: ["OSCE", "OSZE", "ОБСЕ"],
    names: [
      "Организация по безопасности и сотрудничеству в Европе",

      "Organization for Security and Co-operation in Europe",
      "Organisation pour la sécurité et la coopération en Europe",
      "Organización para la Seguridad y la Cooperación en Europa",
    ],
  },
  {
    key: "ICMPD",
    acronyms: ["ICMPD", "CIDPM"],
    names: [
      "International Centre for Migration Policy Development",
      "Centre international pour le développement des politiques migratoires",
      "Centro Internacional para el Desarrollo de Políticas Migratorias",
    ],
  },
  {
    key: "EU",
    acronyms: ["EU", "UE", "ЕС"],
    names: [
      "Европейский союз",

      "European Union",
      "Delegation of the European Union",
      "EU Delegation",
      "European Commission",
      "Union européenne",
      "Délégation de l'Union européenne",
      "Commission européenne",
      "Unión Europea",
      "Delegación de la Unión Europea",
      "Comisión Europea",
    ],
  },
  {
    key: "COE",
    acronyms: ["CoE"],
    names: ["Council of Europe", "Conseil de l'Europe", "Consejo de Europa"],
  },
  {
    key: "OECD",
    acronyms: ["OECD", "OCDE"],
    names: [
      "Organisation for Economic Co-operation and Development",
      "Organisation de coopération et de développement économiques",
      "Organización para la Cooperación y el Desarrollo Económicos",
    ],
  },
  {
    key: "ICRC",
    acronyms: ["ICRC", "CICR", "МККК"],
    names: [
      "Международный комитет Красного Креста",

      "International Committee of the Red Cross",
      "Comité international de la Croix-Rouge",
      "Comité Internacional de la Cruz Roja",
    ],
  },
  {
    key: "IFRC",
    acronyms: ["IFRC", "FICR", "МФОКК и КП", "МФОКК"],
    names: [
      "Международная федерация обществ Красного Креста и Красного Полумесяца",

      "International Federation of Red Cross and Red Crescent Societies",
      "Fédération internationale des Sociétés de la Croix-Rouge et du Croissant-Rouge",
      "Federación Internacional de Sociedades de la Cruz Roja y de la Media Luna Roja",
    ],
  },
  {
    key: "GIZ",
    acronyms: ["GIZ", "ГИЗ"],
    names: ["Deutsche Gesellschaft für Internationale Zusammenarbeit"],
  },
  {
    key: "USAID",
    acronyms: ["USAID"],
    names: ["United States Agency for International Development"],
  },
  {
    key: "AU",
    acronyms: ["AU", "UA"],
    names: ["African Union", "Union africaine", "Unión Africana"],
  },
  {
    key: "ECOWAS",
    acronyms: ["ECOWAS", "CEDEAO"],
    names: [
      "Economic Community of West African States",
      "Communauté économique des États de l'Afrique de l'Ouest",
    ],
  },
  {
    key: "IGAD",
    acronyms: ["IGAD"],
    names: ["Intergovernmental Authority on Development"],
  },
];
