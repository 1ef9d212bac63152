"""Meetings written the ways outlets write them, one kind of text at a time (the kinds of issue 9:
verbs, who Hammouchi is, messy text, several counterparts, places, feminine roles and ranks,
second-hand reports), and the negatives that must stay negative. Sentences written for this test:
invented persons, real countries and agencies."""

from __future__ import annotations

import pytest

from crawler.meetings import extract_meetings

CASES = [
 # kind 1
 ("جمعت جلسة عمل، اليوم الخميس بالرباط، عبد اللطيف حموشي بالمدير العام للشرطة الوطنية "
  "الغانية، السيد كوفي مينسا.", "GH"),
 ("تباحث عبد اللطيف حموشي وسفير جمهورية الأرجنتين بالرباط، السيد ماتياس غوميز، سبل تعزيز التعاون.", "AR"),
 ("Abdellatif Hammouchi and his Spanish counterpart, Luis Ferrer, held talks on Monday in Madrid.", "ES"),
 ("Abdellatif Hammouchi held a bilateral meeting on Monday with the Director of the Kenya "
  "National Intelligence Service, Paul Otieno.", "KE"),
 ("Abdellatif Hammouchi a été accueilli mardi à Dakar par le directeur général de la Police "
  "nationale sénégalaise, M. Ousmane Fall.", "SN"),
 ("أجرى عبد اللطيف حموشي لقاء ثنائيا مع قائد الشرطة الفيدرالية البلجيكية، السيد مارك بيترز.", "BE"),
 ("عقد عبد اللطيف حموشي، مساء أمس، اجتماعا ثنائيا مع رئيس جهاز الأمن الداخلي الهولندي، السيد "
  "يان دي فريس.", "NL"),
 ("Abdellatif Hammouchi a rencontré son homologue espagnol, Luis Ferrer, en marge du forum.", "ES"),
 ("Hammouchi paid a courtesy call on the Interior Minister of Qatar, Sheikh Khalid bin Khalifa.", "QA"),
 ("Abdellatif Hammouchi had a meeting in Rabat with the Commissioner of the Australian "
  "Federal Police, Reece Kershaw.", "AU"),
 # kind 2
 ("حموشي في مدريد\nاستقبل وزير الداخلية الإسباني، فرناندو لوبيث، الرجل الأول في جهاز الأمن "
  "المغربي، بمقر الوزارة بمدريد.", "ES"),
 ("DGSN chief Abdellatif Hammouchi received on Tuesday the head of the Italian State Police, "
  "Luca Bianchi.", "IT"),
 ("Morocco's spy chief Abdellatif Hammouchi met on Tuesday with the Director of the CIA, John "
  "Miller, in Washington.", "US"),
 ("حموشي يستقبل سفير اليابان\nاستقبل المدير العام للأمن الوطني، اليوم الثلاثاء بالرباط، سفير "
  "اليابان بالمغرب، السيد كينجي تاناكا.", "JP"),
 ("Le patron de la DGSN, Abdellatif Hammouchi, s'est entretenu lundi avec le chef de la "
  "police fédérale belge, Marc Peeters.", "BE"),
 # kind 3
 ("استقبل المدير العام للأمن الوطني ومراقبة التراب الوطني عبداللطيف حموشي اليوم بالرباط سفير "
  "دولة قطر السيد خالد المري", "QA"),
 ("Abdellatif HAMMOUCHI a reçu lundi à Rabat M. Jean DUPONT directeur général de la police "
  "nationale française", "FR"),
 ("استقبل حموشى اليوم بالرباط السفير الروسى بالمغرب، السيد فلاديمير إيفانوف.", "RU"),
 # kind 4
 ("Abdellatif Hammouchi received in Rabat the FBI Deputy Director, Mark Evans, and other "
  "officials of the FBI.", "US"),
 ("استقبل حموشي بالرباط سفير كندا السيد جون سميث وسفيرة السويد السيدة آنا لارسون.", "CA,SE"),
 # kind 5
 ("حل عبد اللطيف حموشي، أمس الاثنين، بالعاصمة الإيطالية روما في زيارة عمل.\nوأجرى المسؤول "
  "الأمني المغربي مباحثات مع قائد الشرطة الإيطالية، السيد لوكا روسي.", "IT@Rome"),
 ("Abdellatif Hammouchi s'est rendu lundi à Berlin pour une visite de travail.\nIl s'est "
  "entretenu avec le président du BKA, M. Holger Münch.", "DE@Berlin"),
 # kind 6
 ("استقبل حموشي بالرباط الأمينة العامة لمنظمة الشرطة الأوروبية، السيدة كاترين دي بول.", "EUROPOL"),
 ("Abdellatif Hammouchi a reçu mardi la directrice générale adjointe de la Gendarmerie royale "
  "du Canada, Mme Anne Tremblay.", "CA"),
 ("التقى حموشي، اليوم، المديرة العامة لجهاز الأمن والمخابرات الكيني (NIS)، السيدة جين أوكيلو.", "KE"),
 # kind 7
 ("ذكرت صحيفة «إل باييس» الإسبانية أن عبد اللطيف حموشي استقبل، الأسبوع الماضي بالرباط، المدير "
  "العام للحرس المدني الإسباني، السيد خوسيه رودريغيث.", "ES"),
 ("Selon le quotidien Le Soir, Abdellatif Hammouchi a reçu vendredi à Rabat le commissaire "
  "général de la police fédérale belge, M. Marc Peeters.", "BE"),
 ("The Kenya National Police Service said its Inspector General, Japhet Koome, was received "
  "in Rabat on Monday by Abdellatif Hammouchi.", "KE"),
 # lists, delegations, ranks, a release by the foreign service, the visit in the same sentence
 ("استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي، اليوم الاثنين "
  "بالرباط، على التوالي، سفراء كل من إسبانيا وفرنسا وإيطاليا.", "ES,FR,IT"),
 ("Abdellatif Hammouchi received on Monday in Rabat the ambassadors of Brazil, Chile and Peru.", "BR,CL,PE"),
 ("أوردت جريدة «المساء» في عددها ليوم غد أن عبد اللطيف حموشي التقى، الأسبوع الماضي بالرباط، "
  "مدير الاستخبارات الداخلية الفرنسية، السيد بيير دوران.", "FR"),
 ("وشكل اللقاء الذي جمع عبد اللطيف حموشي بسفير جمهورية ألمانيا الاتحادية، السيد كلاوس مولر، "
  "مناسبة لبحث التعاون.", "DE"),
 ("استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي، اليوم، وفدا عن "
  "مكتب التحقيقات الفيدرالي الأمريكي برئاسة السيد روبرت كلارك، نائب مدير المكتب.", "US"),
 ("The Director of the Swedish Security Service, Anna Berg, met in Rabat with the "
  "Director-General of the DGSN and DGST, Abdellatif Hammouchi.", "SE"),
 ("Abdellatif Hammouchi, head of Morocco's DGSN and DGST, was received on Tuesday in Lisbon "
  "by the Portuguese Minister of Internal Administration, Maria Costa.", "PT@Lisbon"),
 ("في إطار زيارته الرسمية لإسبانيا، أجرى عبد اللطيف حموشي، أمس بمدريد، مباحثات مع المدير "
  "العام للشرطة الوطنية الإسبانية، السيد فرانسيسكو باردو.", "ES@Madrid"),
 ("حموشي يستقبل مديرة الشرطة الفيدرالية السويسرية\nاستقبل عبد اللطيف حموشي، اليوم الأربعاء "
  "بتمارة، مديرة المكتب الفيدرالي للشرطة السويسري (fedpol)، السيدة إيفا فيشر.", "CH@Temara"),
 ("Abdellatif Hammouchi s'est entretenu, lundi à Rabat, avec le général de corps d'armée "
  "Karim Benali, commandant de la Gendarmerie nationale algérienne.", "DZ"),
 ("استقبل حموشي بالرباط الجنرال دو كور دارمي جان مارتان، المدير العام للدرك الوطني الفرنسي.", "FR"),
 ("التقى عبد اللطيف حموشي، اليوم بالرباط، نائبة رئيس الشرطة الوطنية الكولومبية، العميد ماريا لوبيز.", "CO"),
 ("Abdellatif Hammouchi a reçu mardi l'attaché de sécurité intérieure de l'ambassade de "
  "France, M. Paul Girard.", "FR"),
 ("وخلال هذه الزيارة، أجرى حموشي مباحثات مع كل من وزير الداخلية الأردني، السيد مازن الفراية، "
  "ومدير الأمن العام الأردني، اللواء عبيد الله المعايطة.", "JO"),
 # headlines, subjects that are the counterpart, organisations, foreign services' releases
 ("حموشي يبحث مع نظيره الإسباني تأمين المونديال\nتباحث عبد اللطيف حموشي، اليوم بالرباط، مع "
  "نظيره الإسباني سبل تأمين كأس العالم 2030.", "ES"),
 ("استقبل عبد اللطيف حموشي، اليوم بالرباط، المفوض الأوروبي للشؤون الداخلية، السيد ماغنوس برونر.", "EU"),
 ("استقبل عبد اللطيف حموشي سفيرة الاتحاد الأوروبي بالمغرب، السيدة باتريسيا لومبارت.", "EU"),
 ("أجرى وزير الداخلية الفرنسي، السيد لوران نونيز، اليوم بباريس، مباحثات مع المدير العام للأمن "
  "الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي.", "FR@Paris"),
 ("Abdellatif Hammouchi met Tuesday in Washington with FBI Director Kash Patel.", "US@Washington"),
 ("Le directeur de la DGSI, Céline Berthon, a été reçue lundi à Rabat par Abdellatif Hammouchi.", "FR@Rabat"),
 ("Abdellatif Hammouchi s'est entretenu vendredi avec son homologue français.", "FR"),
 ("التقى وزير الداخلية المصرى، اللواء محمود توفيق، اليوم بالقاهرة، عبد اللطيف حموشى، المدير "
  "العام للأمن الوطنى ومراقبة التراب الوطنى المغربى.", "EG@Cairo"),
 ("وأفاد بلاغ للمديرية العامة للأمن الوطني أن عبد اللطيف حموشي استقبل، اليوم الثلاثاء بمقر "
  "المديرية بالرباط، رئيس الشرطة الوطنية الإيفوارية، الجنرال يوسف كوياتي.", "CI@Rabat"),
 ("Hammouchi holds talks with Senegal's police chief\nRABAT — Morocco's police chief "
  "Abdellatif Hammouchi held talks on Monday with the Director General of Senegal's National "
  "Police, Mame Seydou Ndour.", "SN@Rabat"),
 ("حموشي يستقبل المدير العام لجهاز الأمن الداخلي البريطاني\nاستقبل عبد اللطيف حموشي، اليوم، "
  "المدير العام لجهاز الأمن الداخلي البريطاني (MI5)، السيد كين ماكالوم، الذي يقوم بزيارة "
  "للمغرب.", "GB"),
 ("Morocco's DGST chief meets Spanish intelligence director\nAbdellatif Hammouchi, who heads "
  "the DGST, met in Rabat with the Secretary of State and Director of Spain's National "
  "Intelligence Centre (CNI), Esperanza Casteleiro.", "ES@Rabat"),
 ("في إطار زيارة العمل التي يقوم بها إلى الإمارات العربية المتحدة، التقى عبد اللطيف حموشي، "
  "اليوم الأربعاء بأبوظبي، الفريق سيف بن زايد آل نهيان، نائب رئيس مجلس الوزراء وزير الداخلية.",
  "AE@Abu Dhabi"),
 ("Hammouchi recibe al director de la Guardia Civil\nAbdellatif Hammouchi a reçu jeudi à "
  "Rabat la directrice générale de la Garde civile espagnole, Mme Mercedes González.", "ES@Rabat"),
 # French and English dispatches, organisations, delegations
 ("Sécurité : Hammouchi reçoit le patron de la police tunisienne\nRabat - Le Directeur "
  "général de la sûreté nationale et de la surveillance du territoire, Abdellatif Hammouchi, "
  "a reçu, mercredi à Rabat, le directeur général de la Sûreté nationale tunisienne, Mourad "
  "Hassine, en visite de travail au Maroc à la tête d'une importante délégation.", "TN@Rabat"),
 ("Coopération sécuritaire\nM. Hammouchi a également eu des entretiens avec la directrice de "
  "la Sécurité de l'Etat belge (VSSE), Francisca Bostyn, et avec le commissaire général de la "
  "police fédérale, Eric Snoeck.", "BE"),
 ("Morocco, Spain Discuss Security Cooperation\nRabat - Morocco's Director General of "
  "National Security and Territorial Surveillance (DGSN-DGST), Abdellatif Hammouchi, held "
  "talks on Thursday in Rabat with Spain's Secretary of State for Security, Rafael Pérez "
  "Ruiz.", "ES@Rabat"),
 ("Hammouchi in Washington\nDuring his visit, the Moroccan official met with several senior "
  "US officials, including the Director of National Intelligence, Tulsi Gabbard, and the FBI "
  "Director, Kash Patel.", "US"),
 ("Le DG de la DGSN en visite à Madrid\nAbdellatif Hammouchi s'est rendu lundi à Madrid où il "
  "a été reçu par le ministre espagnol de l'Intérieur, Fernando Grande-Marlaska.\nLe "
  "responsable marocain a ensuite eu une séance de travail avec la directrice de la Garde "
  "civile, Mercedes González.", "ES@Madrid"),
 ("Interpol : Valdecy Urquiza reçu par Hammouchi\nLe secrétaire général d'Interpol, Valdecy "
  "Urquiza, a été reçu lundi à Rabat par Abdellatif Hammouchi.", "INTERPOL@Rabat"),
 ("Hammouchi s'entretient avec le chef d'Afripol\nAbdellatif Hammouchi s'est entretenu lundi "
  "à Alger avec le directeur exécutif d'Afripol, Jalel Chelba, en marge de la réunion "
  "annuelle.", "AFRIPOL@Algiers"),
 ("Abdellatif Hammouchi a reçu, jeudi, une délégation du FBI conduite par son directeur "
  "adjoint, Dan Bongino.", "US"),
 ("Morocco's Hammouchi receives UAE security delegation\nAbdellatif Hammouchi received on "
  "Monday a high-level security delegation from the United Arab Emirates headed by Major "
  "General Saeed Al Shamsi.", "AE"),
 # third places, second-hand reports, a guest of a minister abroad
 ("حموشي يشارك في اجتماعات الأنتربول بليون\nيشارك المدير العام للأمن الوطني ولمراقبة التراب "
  "الوطني، عبد اللطيف حموشي، في أشغال الاجتماع السنوي لرؤساء أجهزة الشرطة المنعقد بمدينة ليون "
  "الفرنسية.\nوعلى هامش هذا الاجتماع، أجرى حموشي مباحثات مع الأمين العام للمنظمة الدولية "
  "للشرطة الجنائية، السيد فالديسي أوركيزا.", "INTERPOL@Lyon"),
 ("عقد عبد اللطيف حموشي، أمس بمدينة الرياض، جلسة مباحثات مع مدير عام المباحث العامة بالمملكة "
  "العربية السعودية، الفريق أول عبد الله القرني، وذلك على هامش مشاركته في مؤتمر وزراء "
  "الداخلية العرب.", "SA@Riyadh"),
 ("كشفت مصادر إعلامية إسبانية أن عبد اللطيف حموشي التقى، بعيدا عن الأضواء، مدير المركز الوطني "
  "للاستخبارات الإسباني، السيدة إسبيرانثا كاستيليرو، بمدريد.", "ES@Madrid"),
 ("Revue de presse\nSelon le journal El Confidencial, le patron de la DGST marocaine a "
  "rencontré discrètement à Madrid la directrice du CNI, Esperanza Casteleiro.\nLa rencontre "
  "aurait porté sur la menace jihadiste au Sahel.", "ES@Madrid"),
 ("وخلال زيارته للدوحة، حل حموشي ضيفا على وزير الداخلية القطري، الشيخ خليفة بن حمد آل ثاني، "
  "الذي أقام مأدبة غداء على شرفه.", "QA@Doha"),
 ("Abdellatif Hammouchi, accompanied by senior DGSN officials, was received on Tuesday in Abu "
  "Dhabi by Lieutenant General Sheikh Saif bin Zayed Al Nahyan, Deputy Prime Minister and "
  "Minister of Interior of the UAE.", "AE@Abu Dhabi"),
 ("حموشي يلتقي نظيره الفرنسي\nالتقى حموشي، اليوم الخميس بباريس، المدير العام للأمن الداخلي "
  "الفرنسي، السيدة سيلين بيرتون، والمدير العام للشرطة الوطنية، السيد لويس لوجي.", "FR@Paris"),
]
NEG = [
 "ترأس عبد اللطيف حموشي، اليوم بالرباط، حفل تخرج الفوج الجديد من حراس الأمن، بحضور سفراء عدد من الدول.",
 "Abdellatif Hammouchi a présidé une réunion de travail avec les préfets de police des régions.",
 "يرتقب أن يستقبل عبد اللطيف حموشي الأسبوع المقبل وزير الداخلية الفرنسي.",
 "Abdellatif Hammouchi received the Grand Cross of the Order of Isabella the Catholic from "
 "the Spanish ambassador.",
 "استقبل المدير العام للأمن الوطني التونسي وفدا أمنيا إيطاليا بتونس.",
 "قام عبد اللطيف حموشي بزيارة عائلة شرطي توفي أثناء أداء واجبه بمدينة فاس.",
 "In his column, the writer recalls that Hammouchi met many foreign officials over the years.",
 "شارك عبد اللطيف حموشي في أشغال المؤتمر الدولي حول الأمن السيبراني بحضور وزراء داخلية عدد من الدول.",
 "Abdellatif Hammouchi received a delegation of Moroccan expatriates living in France.",
 "ترأس عبد اللطيف حموشي اجتماعا لرؤساء الأمن الجهوي لتقييم الاستعدادات لكأس إفريقيا.",
 "Abdellatif Hammouchi a inauguré le nouveau siège de la préfecture de police de Tanger en "
 "présence de l'ambassadeur d'Espagne.",
 "استقبل المدير العام للأمن الوطني الجزائري، اليوم بالجزائر، وفدا من الشرطة الفرنسية.",
 "Hammouchi will meet the French interior minister next week in Paris.",
 "استقبل حموشي أسرة الشرطي المتوفى بمقر المديرية العامة.",
 "وسبق لحموشي أن استقبل في السنة الماضية مدير مكتب التحقيقات الفيدرالي.",
 "استقبل وزير الداخلية عبد الوافي لفتيت، اليوم بالرباط، نظيره الإسباني، بحضور المدير العام "
 "للأمن الوطني ولمراقبة التراب الوطني عبد اللطيف حموشي.",
 "Abdellatif Hammouchi a décoré plusieurs fonctionnaires de police lors d'une cérémonie à Rabat.",
 "قال مصدر أمني إن عبد اللطيف حموشي يتابع شخصيا ملف التعاون مع الشرطة الإسبانية.",
 "Abdellatif Hammouchi took part on Monday in the opening of the INTERPOL European Regional "
 "Conference in Lisbon.",
 "أشرف عبد اللطيف حموشي على تنصيب المسؤولين الأمنيين الجدد بولاية أمن الدار البيضاء.",
 "حموشي يستقبل أبطال المغرب في رياضة الكاراتي التابعين للأمن الوطني",
 # domestic talks about foreign partners, remote talks, protocol he only attends
 "ناقش عبد اللطيف حموشي مع رؤساء المصالح الأمنية الجهوية التحضيرات لتنظيم كأس العالم 2030 مع "
 "إسبانيا والبرتغال.",
 "بحث عبد اللطيف حموشي مع المسؤولين المركزيين بالمديرية العامة خطة تأمين الحدود مع الجزائر وموريتانيا.",
 "Abdellatif Hammouchi discussed with senior DGSN officials the security plan for the World "
 "Cup co-hosted with Spain and Portugal.",
 "استقبل عبد اللطيف حموشي، اليوم بالرباط، أفراد الجالية المغربية المقيمة بإسبانيا.",
 "التقى عبد اللطيف حموشي بعناصر الشرطة المغربية المشاركة في بعثات حفظ السلام بجمهورية إفريقيا الوسطى.",
 "Hammouchi met with Moroccan police officers deployed to France for the Olympic Games.",
 "استقبل حموشي، اليوم، الطلبة الضباط الأفارقة المتخرجين من المعهد الملكي للشرطة، ومن بينهم "
 "طلبة من السنغال وغينيا.",
 "وقع المغرب وإسبانيا اتفاقية للتعاون الأمني، وحضر حفل التوقيع عبد اللطيف حموشي ووزير الداخلية الإسباني.",
 "أشاد وزير الداخلية الإسباني بالتعاون مع المغرب، مشيرا إلى المكالمة الهاتفية التي أجراها مع "
 "عبد اللطيف حموشي العام الماضي.",
 "استقبل الملك محمد السادس، اليوم بالقصر الملكي، الرئيس الفرنسي، بحضور عبد اللطيف حموشي.",
 "Les services de Hammouchi ont arrêté un ressortissant belge recherché par Interpol.",
 "قال عبد اللطيف حموشي في كلمة أمام المشاركين في المؤتمر إن التعاون مع الشركاء الأوروبيين أساسي.",
 "Abdellatif Hammouchi a reçu un appel téléphonique de son homologue espagnol.",
 "تلقى عبد اللطيف حموشي برقية تهنئة من مدير الشرطة الفرنسية.",
 "ترأس عبد اللطيف حموشي، اليوم بالرباط، اجتماعا مع مسؤولي الأمن لمناقشة التعاون مع فرنسا "
 "وبلجيكا في مكافحة الإرهاب.",
 "Abdellatif Hammouchi a présidé jeudi à Ifrane la cérémonie de sortie de la 50ème promotion "
 "des officiers de police, en présence de plusieurs ambassadeurs.",
 "Le ministre de l'Intérieur, Abdelouafi Laftit, a reçu son homologue français, Bruno "
 "Retailleau, en présence de M. Hammouchi.",
 "Editorial: Morocco's security model, built by Abdellatif Hammouchi, inspires many "
 "countries such as Spain and France.",
 "DGSN: Hammouchi nomme de nouveaux responsables à la tête de plusieurs préfectures de police.",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_kind(text, expected):
    title, _, body = text.partition("\n") if "\n" in text else ("", "", text)  # a first line: the headline
    found = extract_meetings(body, title=title or None)
    if "@" in expected:
        expected, city = expected.split("@")
        assert found.meetings and found.meetings[0].location.city == city, found
    got = sorted({m.counterpart.country for m in found.meetings})
    assert got == sorted(expected.split(",")), (found.reason, [m.counterpart for m in found.meetings])


@pytest.mark.parametrize("text", NEG)
def test_negative(text):
    found = extract_meetings(text)
    assert found.meetings == [], [m.counterpart for m in found.meetings]


H_AR = "المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي"
OTHER_STORIES = [
    # another official's meeting after his: someone else's verb, a turn to another story, a read-also line
    f"استقبل {H_AR}، اليوم بالرباط، سفير فنلندا، السيد ميكو كوسكينن.\nوفي سياق آخر، أجرى وزير الخارجية "
    "ناصر بوريطة، اليوم، لقاء مع نظيره الإسباني، السيد خوسيه مانويل ألباريس.",
    f"استقبل {H_AR}، اليوم بالرباط، سفير فنلندا، السيد ميكو كوسكينن.\nاقرأ أيضا: بوريطة يجري مباحثات مع "
    "نظيره البرتغالي",
    "Abdellatif Hammouchi a reçu lundi à Rabat l'ambassadeur de Finlande, M. Mikko Koskinen.\nPar ailleurs, "
    "le ministre de l'Intérieur a rencontré son homologue italien lors d'une réunion à Rome.",
]


@pytest.mark.parametrize("text", OTHER_STORIES)
def test_another_story_after_his_meeting_adds_none(text):
    assert [m.counterpart.country for m in extract_meetings(text).meetings] == ["FI"]
