/**
 * The words a generated (fictional) estate is made of: phrases of the kind prison inspection
 * reports and action plans use, grouped by the theme ids of content/themes.yaml, so that a search
 * for "self-harm" or a filter on a theme finds concerns that are really about it.
 *
 * Nothing here is copied from a real plan. Placeholders filled in by the generator:
 *   {est}      the establishment's name ("HMP Example Ashford")
 *   {topic}    one of the theme's topics
 *   {meeting}  one of the theme's meetings
 *   {lead}     a senior role as a sentence subject ("The Deputy Governor")
 *   {cadence}  "weekly", "monthly", ...
 *   {level}    "high", "very high", ...
 *   {weak}     "weak", "inconsistent", ...
 */

export interface ThemeWords {
  /** Noun phrases, lower case unless a proper noun or acronym starts them. */
  topics: string[];
  /** Sentences describing what inspectors found. */
  findings: string[];
  /** Sentences saying what should happen, for the older recommendations format. */
  recommendations: string[];
  /** Whole action sentences. */
  actions: string[];
  /** Items for bullet and numbered lists inside an action. */
  items: string[];
  meetings: string[];
  /** Owners who would plausibly be responsible, besides the Governor. */
  owners: string[];
  /** Theme ids often raised together with this one. */
  related: string[];
}

export const THEME_WORDS: Record<string, ThemeWords> = {
  'early-days-in-custody': {
    topics: ['first night in custody arrangements', 'reception screening', 'the induction programme', 'early days support for new arrivals', 'peer support in reception'],
    findings: [
      'Care and support for prisoners in their early days was not good enough.',
      'Risks and vulnerabilities were not explored in sufficient depth when prisoners arrived.',
      'Too many new arrivals spent their first night without a shower or a telephone call.',
      'Reception was busy and cramped, and new arrivals often waited several hours to be processed.',
      'Induction was too brief and many prisoners said they did not understand the regime.',
      'Peer workers were underused in reception and on the first night centre.',
    ],
    recommendations: [
      'All new arrivals should receive a private first night interview that explores their risks and needs.',
      'Prisoners should be able to make a telephone call and have a shower on their first night.',
      'Induction should be completed within the first week and give prisoners the information they need.',
    ],
    actions: [
      'First Night in Custody managers will carry out assurance checks with a sample of new arrivals within 72 hours of arrival, comparing their experience with the expected outcomes.',
      'Reception staff will receive refresher training on first night interviews, with a focus on identifying risk of self-harm among new arrivals.',
      'The induction programme will be extended to include sessions led by peer mentors and information about education, work and health services.',
      'Emergency telephone credit will be issued in reception so that every new arrival can contact family or friends on their first night.',
      'A Bus to Bed meeting will be held each month to track outcomes for new arrivals and share learning between reception and induction staff.',
    ],
    items: [
      'a private interview with a trained officer on the first night',
      'a telephone call to family or friends',
      'access to a shower and a hot meal',
      'a visit from a Listener or peer supporter',
      'a health screening within 24 hours of arrival',
      'a full induction within the first five working days',
    ],
    meetings: ['Early Days Meeting', 'Safer Prisons Meeting'],
    owners: ['Head of Residence', 'Head of Safety', 'Reception Manager'],
    related: ['self-harm-and-suicide-prevention', 'family-contact', 'remand-and-resettlement'],
  },
  'self-harm-and-suicide-prevention': {
    topics: ['self-harm', 'ACCT case management', 'support for prisoners in crisis', 'suicide prevention', 'the Listener scheme', 'self-harm data'],
    findings: [
      'The level of reported self-harm was {level}.',
      'Too many prisoners at risk of self-harm did not receive consistent support.',
      'ACCT case management was {weak}, and care maps were often incomplete.',
      'Recommendations from Prisons and Probation Ombudsman investigations into deaths in custody had not been implemented.',
      'Prisoners in crisis could not always get a Listener when they needed one.',
      'Leaders did not understand the drivers behind the rise in self-harm.',
    ],
    recommendations: [
      'Leaders should analyse the causes of self-harm and take action to reduce it.',
      'ACCT case management should be consistent, with care maps that address the prisoner\'s identified risks.',
      'Prisoners at risk of suicide or self-harm should have access to Listeners at all times.',
      'Recommendations from Prisons and Probation Ombudsman investigations should be implemented and their impact monitored.',
    ],
    actions: [
      'Self-harm data will be analysed each month at the Safer Prisons Meeting to identify trends and the drivers behind self-harm, and actions will be tracked to completion.',
      'All staff will complete Suicide and Self-Harm (SASH) refresher training, and completion rates will be reported to the senior leadership team each month.',
      'A quality assurance check of ACCT documents will be completed each week by a custodial manager, with feedback given to case managers.',
      'The Safety Intervention Meeting will review complex cases each week and agree support plans for prisoners with repeated self-harm.',
      'The Samaritans will be asked to train additional Listeners so that the scheme can operate on every wing, including at night.',
      'Recommendations from Prisons and Probation Ombudsman reports will be tracked on a single action log, reviewed at the monthly Safer Prisons Meeting.',
      'Prisoners who self-harm will be offered a follow-up conversation with a member of the safety team within 72 hours of the incident.',
    ],
    items: [
      'review the self-harm data each month and identify trends',
      'ensure ACCT case reviews are multidisciplinary and attended by healthcare staff',
      'quality assure care maps and give feedback to case managers',
      'increase the number of trained Listeners on each wing',
      'deliver SASH refresher training to all residential staff',
      'share learning from serious incidents of self-harm with all staff',
    ],
    meetings: ['Safer Prisons Meeting', 'Safety Intervention Meeting', 'Suicide and Self-Harm Prevention Meeting'],
    owners: ['Head of Safety', 'Safer Custody Manager', 'Head of Healthcare'],
    related: ['mental-health', 'early-days-in-custody', 'segregation'],
  },
  'violence-reduction': {
    topics: ['violence reduction', 'the challenge, support and intervention plan (CSIP) process', 'support for victims of violence', 'the incentives scheme', 'behaviour management'],
    findings: [
      'Levels of violence were {level} and had increased since the last inspection.',
      'Many prisoners said they felt unsafe, and some were self-isolating because of debt or bullying.',
      'Challenge, support and intervention plans (CSIPs) were not used effectively to manage violent behaviour.',
      'The incentives scheme did not motivate prisoners to behave well.',
      'Support for victims of violence was {weak}.',
    ],
    recommendations: [
      'Leaders should take effective action to reduce violence, based on a sound understanding of its causes.',
      'Prisoners who are violent should be managed through good-quality challenge, support and intervention plans.',
      'Victims of violence and prisoners who self-isolate should receive support to address the reasons for their isolation.',
    ],
    actions: [
      'A violence reduction strategy will be published, based on an analysis of incidents, prisoner surveys and intelligence, and reviewed each quarter.',
      'CSIP referrals will be triaged within 48 hours by the safety team, and the quality of plans will be checked each month by the Head of Safety.',
      'Prisoners who are self-isolating will be identified at the weekly Safety Intervention Meeting and offered a support plan and a daily check from a key worker.',
      'The incentives scheme will be reviewed with the prison council so that it rewards good behaviour and is applied consistently on every wing.',
      'Violence reduction peer representatives will be recruited on each wing to support prisoners who feel unsafe.',
    ],
    items: [
      'analyse incident data to identify hot spots and times of violence',
      'triage all CSIP referrals within 48 hours',
      'offer support plans to victims of violence',
      'review the incentives scheme with prisoner representatives',
      'share intelligence on debt and bullying with the security department',
    ],
    meetings: ['Safer Prisons Meeting', 'Safety Intervention Meeting', 'Violence Reduction Meeting'],
    owners: ['Head of Safety', 'Deputy Governor', 'Head of Residence'],
    related: ['security', 'use-of-force', 'staff-prisoner-relationships'],
  },
  'use-of-force': {
    topics: ['use of force', 'the scrutiny of use of force', 'body-worn video cameras', 'use of force governance', 'de-escalation'],
    findings: [
      'Use of force was {level}, and scrutiny of it was insufficient.',
      'Body-worn video cameras were not activated soon enough during incidents.',
      'Use of force paperwork was often incomplete or submitted late.',
      'Some incidents of force were not justified, and de-escalation was not always attempted.',
      'Governance of use of force had not identified the weaknesses we found.',
    ],
    recommendations: [
      'Use of force should be subject to robust scrutiny, and body-worn video cameras should be activated early in every incident.',
      'Leaders should ensure that force is used only as a last resort and that de-escalation is always attempted.',
      'Use of force documentation should be completed promptly and quality assured.',
    ],
    actions: [
      'Every use of force incident will be triaged by the Use of Force Coordinator and reviewed at the fortnightly use of force review meeting, with actions recorded on a tracker.',
      'A local body-worn video camera strategy will be published, and line managers will discuss early activation with staff during performance conversations.',
      'Use of force paperwork will be monitored daily, and outstanding statements will be escalated to the duty governor.',
      'De-escalation training will be delivered to all operational staff, and footage showing good practice will be used in briefings.',
      'The Use of Force Practice and Development Team will be invited to review local governance and recommend improvements.',
      'Data on the use of force will be broken down by ethnicity, age and location and reviewed each month to identify any disproportionality.',
    ],
    items: [
      'review all body-worn video camera footage of planned removals',
      'check that paperwork is submitted within 72 hours',
      'identify trends by location, time and protected characteristic',
      'share learning with staff through monthly briefings',
      'refer any concerns about unjustified force for investigation',
    ],
    meetings: ['Use of Force Governance Meeting', 'Segregation Monitoring and Review Group'],
    owners: ['Deputy Governor', 'Head of Safety', 'Head of Security'],
    related: ['violence-reduction', 'segregation', 'equality-and-inclusion'],
  },
  segregation: {
    topics: ['the segregation unit', 'the regime in the care and separation unit', 'segregation reviews', 'reintegration planning', 'conditions in the care and separation unit'],
    findings: [
      'The segregation unit was a substandard environment.',
      'Prisoners in the care and separation unit had a poor regime, with little to do beyond a shower and exercise.',
      'Some prisoners had been held in segregation for very long periods without a plan to reintegrate them.',
      'Segregation reviews were not multidisciplinary and targets set for prisoners were generic.',
    ],
    recommendations: [
      'Prisoners in segregation should have a purposeful regime and a plan to reintegrate them into the main prison.',
      'Conditions in the care and separation unit should be improved.',
      'Segregation reviews should be multidisciplinary and set individual targets.',
    ],
    actions: [
      'The regime offered in the care and separation unit will be reviewed to include access to education packs, the telephone and additional exercise, subject to risk assessment.',
      'Reintegration plans will be agreed for every prisoner held in segregation for more than 14 days and monitored at the Segregation Monitoring and Review Group.',
      'A refurbishment plan for the care and separation unit will be agreed with the facilities management provider, covering cells, showers and exercise yards.',
      'Exit interviews will be held with prisoners leaving segregation, and the findings will be reviewed each quarter.',
      'Staff working in the care and separation unit will be selected for their experience and receive specialist training.',
    ],
    items: [
      'daily access to a shower and the telephone',
      'in-cell education and activity packs',
      'a weekly visit from the chaplaincy',
      'individual targets set at each segregation review',
      'a reintegration plan agreed within 14 days',
    ],
    meetings: ['Segregation Monitoring and Review Group', 'Safer Prisons Meeting'],
    owners: ['Head of Safety', 'Head of Residence', 'HMPPS Estates'],
    related: ['use-of-force', 'self-harm-and-suicide-prevention', 'living-conditions'],
  },
  security: {
    topics: ['the supply of illicit drugs', 'security intelligence', 'drug testing', 'searching', 'the security strategy'],
    findings: [
      'Illicit drugs were easily available and the rate of positive drug tests was {level}.',
      'Security intelligence was not processed quickly enough, and some searches requested were not carried out.',
      'Mandatory drug testing had not been carried out for several months because of staff shortages.',
      'Leaders did not have an effective strategy to reduce the supply of drugs.',
    ],
    recommendations: [
      'Leaders should implement an effective strategy to reduce the supply of and demand for illicit drugs.',
      'Security intelligence should be processed promptly, and intelligence-led searches should be carried out.',
      'Mandatory drug testing should be carried out at the required rate.',
    ],
    actions: [
      'A local security strategy will be published that sets out how the supply of drugs, mobile phones and weapons will be reduced, reviewed each month at the Security Meeting.',
      'Intelligence reports will be processed within 72 hours, and the backlog will be monitored each week by the Head of Security.',
      'Mandatory drug testing will be carried out at the required rate, with staff detailed to the testing suite every day.',
      'Enhanced gate security and mail scanning will be introduced to reduce the routes by which drugs enter the prison.',
      'The drug strategy will be aligned with the work of the substance misuse service to reduce demand as well as supply.',
    ],
    items: [
      'process intelligence reports within 72 hours',
      'carry out intelligence-led cell searches',
      'deliver mandatory drug testing at the required rate',
      'scan all incoming mail for illicit substances',
      'share intelligence with the police and the regional counter-corruption unit',
    ],
    meetings: ['Security Meeting', 'Drug Strategy Meeting'],
    owners: ['Head of Security', 'Deputy Governor'],
    related: ['substance-misuse', 'violence-reduction', 'public-protection'],
  },
  safeguarding: {
    topics: ['adult safeguarding', 'safeguarding referrals', 'links with the local safeguarding adults board', 'the protection of adults at risk'],
    findings: [
      'There was no local safeguarding adults policy, and staff did not know how to make a safeguarding referral.',
      'Links with the local safeguarding adults board were underdeveloped.',
      'Adults at risk of abuse or neglect were not always identified.',
    ],
    recommendations: [
      'Leaders should establish links with the local safeguarding adults board and publish a safeguarding policy.',
      'Staff should know how to identify adults at risk and make a safeguarding referral.',
    ],
    actions: [
      'A local adult safeguarding policy will be published and briefed to all staff, setting out how to make a referral.',
      'The prison will seek representation on the local safeguarding adults board and attend its meetings each quarter.',
      'Safeguarding referrals will be logged and reviewed each month at the Safer Prisons Meeting.',
      'Staff will complete safeguarding awareness training as part of their mandatory training programme.',
    ],
    items: [
      'publish a local adult safeguarding policy',
      'brief all staff on how to make a referral',
      'attend the local safeguarding adults board',
      'log and review every referral each month',
    ],
    meetings: ['Safer Prisons Meeting', 'Safeguarding Meeting'],
    owners: ['Head of Safety', 'Deputy Governor'],
    related: ['social-care', 'self-harm-and-suicide-prevention'],
  },
  'staff-prisoner-relationships': {
    topics: ['staff and prisoner relationships', 'staff culture', 'the supervision of new officers', 'staffing levels on the wings'],
    findings: [
      'Many prisoners told us that staff did not treat them with respect.',
      'A large number of officers were inexperienced, and they did not have enough support from supervisors.',
      'Staff shortages meant that officers were often redeployed away from the wings.',
      'Some staff were dismissive of prisoners\' concerns, and the use of first names was rare.',
    ],
    recommendations: [
      'Leaders should promote a respectful culture in which staff engage with prisoners positively.',
      'Inexperienced staff should receive support and supervision to help them develop their skills.',
      'Staffing levels should be sufficient to deliver the regime consistently.',
    ],
    actions: [
      'A staff culture programme will be rolled out, using prisoner survey results to agree what respectful behaviour looks like on each wing.',
      'New officers will be allocated a mentor for their first year, and custodial managers will hold monthly supervision sessions with them.',
      'A recruitment and retention plan will be agreed with the regional team to fill vacancies and reduce redeployment.',
      'Senior leaders will carry out regular walks on the wings to observe interactions between staff and prisoners and give feedback.',
    ],
    items: [
      'a mentor for every new officer',
      'monthly supervision from a custodial manager',
      'regular feedback from senior leaders after wing walks',
      'training on procedural justice and respectful communication',
    ],
    meetings: ['Senior Leadership Team meeting', 'Residential Meeting'],
    owners: ['Deputy Governor', 'Head of Residence', 'Head of People'],
    related: ['key-work-and-day-to-day-support', 'equality-and-inclusion'],
  },
  'key-work-and-day-to-day-support': {
    topics: ['key work', 'day-to-day support on the wings', 'the key worker scheme', 'help with everyday requests'],
    findings: [
      'The prison was not providing prisoners with enough day-to-day support.',
      'The quality of key work was poor, and too few sessions took place.',
      'Prisoners expressed frustration at struggling to get basic requests dealt with.',
      'Key work was often cancelled when staff were redeployed.',
    ],
    recommendations: [
      'Every prisoner should have regular, meaningful contact with a key worker.',
      'Prisoners should be able to resolve everyday requests quickly.',
    ],
    actions: [
      'Key work will be prioritised for the most vulnerable prisoners, with two dedicated key workers delivering more intensive sessions to this cohort.',
      'The quality of key work sessions will be checked each month by custodial managers, and feedback will be given to key workers.',
      'Key work delivery will be reported each week at the morning operational meeting, and cancelled sessions will be rescheduled.',
      'Wing information desks staffed by peer workers will be introduced to help prisoners with everyday requests.',
      'In-cell technology will be introduced so that prisoners can make applications, choose meals and check their account without waiting for staff.',
    ],
    items: [
      'a named key worker for every prisoner',
      'sessions recorded on the case management system',
      'monthly quality checks by custodial managers',
      'rescheduling of any cancelled session within a week',
    ],
    meetings: ['Residential Meeting', 'morning operational meeting'],
    owners: ['Head of Residence', 'Head of Offender Management Delivery'],
    related: ['staff-prisoner-relationships', 'consultation-applications-and-complaints', 'offender-management'],
  },
  'living-conditions': {
    topics: ['living conditions', 'the condition of cells and showers', 'the repair of windows and heating', 'access to clean clothing and bedding', 'cleanliness on the wings'],
    findings: [
      'Parts of the prison were in poor repair, and equipment failures were having an impact on prisoners.',
      'Showers, windows and flooring on some wings were in poor condition.',
      'Many cells designed for one were holding two prisoners, with an unscreened toilet.',
      'Prisoners struggled to get clean clothing and bedding.',
      'Some wings did not have working heating at the time of the inspection.',
    ],
    recommendations: [
      'Cells and communal areas should be clean, properly furnished and in good repair.',
      'Prisoners should have regular access to clean clothing, bedding and cleaning materials.',
      'Showers should be in good working order and offer privacy.',
    ],
    actions: [
      'A refurbishment programme for showers on the older wings will be submitted for funding, with interim repairs completed by the facilities management provider.',
      'Weekly decency checks will be completed by wing managers, and outstanding repairs will be escalated to the facilities management provider.',
      'Industrial washing machines will be installed on every wing to improve access to clean clothing and bedding.',
      'A bid will be submitted for the replacement of windows on the oldest wings.',
      'Privacy screens will be fitted to in-cell toilets in shared cells.',
    ],
    items: [
      'replace damaged shower flooring',
      'repair broken windows and remove rubbish from window grilles',
      'fit privacy screens to in-cell toilets',
      'issue clean bedding every week',
      'complete weekly decency checks on every wing',
    ],
    meetings: ['Decency Meeting', 'Residential Meeting'],
    owners: ['HMPPS Estates', 'Head of Residence', 'Facilities management provider'],
    related: ['food-and-shop', 'time-out-of-cell'],
  },
  'food-and-shop': {
    topics: ['the quality of food', 'the kitchen', 'the prison shop', 'serveries', 'meal times'],
    findings: [
      'Prisoners were negative about the quality and quantity of food.',
      'The kitchen had a large number of equipment breakdowns.',
      'Lunch was served too early, and serveries were not supervised.',
      'New arrivals could wait up to two weeks for their first shop order.',
    ],
    recommendations: [
      'Prisoners should receive sufficient, good-quality food, served at reasonable times.',
      'New arrivals should be able to buy items from the shop promptly.',
    ],
    actions: [
      'A food survey will be carried out each quarter, and the menu will be reviewed with prisoner representatives at the food forum.',
      'Kitchen equipment will be repaired or replaced, with rental equipment used until funding is available.',
      'Meal times will be reviewed as part of the regime redesign so that lunch is not served before 11.30am.',
      'New arrivals will be offered a grocery pack on arrival and an advance so that they can order from the shop in their first week.',
    ],
    items: [
      'a quarterly food survey',
      'supervision of every servery by an officer',
      'a grocery pack for new arrivals',
      'a food forum with prisoner representatives',
    ],
    meetings: ['Food Forum', 'Residential Meeting'],
    owners: ['Catering Manager', 'Head of Residence', 'HMPPS Estates'],
    related: ['living-conditions', 'consultation-applications-and-complaints'],
  },
  'consultation-applications-and-complaints': {
    topics: ['prisoner consultation', 'the applications process', 'the complaints process', 'the prison council'],
    findings: [
      'Prisoners had little confidence in the applications and complaints processes.',
      'Responses to complaints were often late and did not address the issues raised.',
      'Consultation with prisoners was limited, and the prison council did not meet regularly.',
    ],
    recommendations: [
      'Applications and complaints should be tracked and answered promptly and fully.',
      'Prisoners should be consulted regularly about the issues that affect them.',
    ],
    actions: [
      'The timeliness and quality of complaint responses will be checked each month, with late responses escalated to the Deputy Governor.',
      'The prison council will meet each month, chaired by a senior leader, with minutes published on every wing.',
      'A tracking system for applications will be introduced so that prisoners can see progress on their requests.',
      'Exit surveys will be introduced to gather feedback from prisoners as part of the release process.',
    ],
    items: [
      'log every application and complaint',
      'answer complaints within the published timescales',
      'quality assure a sample of responses each month',
      'publish prison council minutes on every wing',
    ],
    meetings: ['Prison Council', 'Senior Leadership Team meeting'],
    owners: ['Deputy Governor', 'Head of Business Assurance'],
    related: ['key-work-and-day-to-day-support', 'staff-prisoner-relationships'],
  },
  'equality-and-inclusion': {
    topics: ['equality and inclusion', 'support for prisoners with protected characteristics', 'discrimination incident reporting', 'the equality action plan', 'support for young adults'],
    findings: [
      'Work to ensure fair treatment and inclusion was insufficient.',
      'Prisoners with protected characteristics reported significantly more negative experiences in important areas.',
      'Not enough was being done to address disproportionate treatment.',
      'Discrimination incident report forms were not investigated promptly.',
      'Young adults had worse outcomes than older prisoners, and there was no strategy to support them.',
    ],
    recommendations: [
      'Leaders should investigate and address any disproportionate treatment of prisoners with protected characteristics.',
      'Discrimination incident report forms should be investigated promptly and quality assured.',
      'There should be a strategy to meet the needs of young adults.',
    ],
    actions: [
      'Equality data will be analysed each month across use of force, adjudications, the incentives scheme and access to work, and any disproportionality will be investigated.',
      'Senior leaders will be appointed as champions for each protected characteristic and will hold regular forums with prisoners.',
      'Discrimination incident report forms will be investigated within the national timescales and quality assured by an external organisation.',
      'A young adults strategy will be published, including dedicated key work and access to maturity-focused interventions.',
      'A Diversity and Inclusion Manager will be appointed, subject to funding, to lead the equality action plan.',
    ],
    items: [
      'analyse equality data each month',
      'hold forums for each protected characteristic',
      'investigate discrimination reports promptly',
      'publish a young adults strategy',
      'invite external scrutiny of equality processes',
    ],
    meetings: ['Equalities Meeting', 'Diversity and Inclusion Meeting'],
    owners: ['Equalities Manager', 'Deputy Governor', 'Head of Residence'],
    related: ['use-of-force', 'staff-prisoner-relationships', 'faith'],
  },
  faith: {
    topics: ['chaplaincy provision', 'access to corporate worship', 'pastoral care'],
    findings: [
      'Prisoners could not always attend corporate worship because of staff shortages.',
      'The chaplaincy team was understaffed, and some faiths had no regular provision.',
    ],
    recommendations: [
      'All prisoners should be able to attend corporate worship of their faith.',
      'The chaplaincy should be staffed to meet the needs of the population.',
    ],
    actions: [
      'Staff will be detailed to escort prisoners to corporate worship, and attendance will be monitored each month.',
      'Sessional chaplains will be recruited so that every faith represented in the population has regular provision.',
      'The chaplaincy will visit every new arrival and every prisoner in segregation each day.',
    ],
    items: [
      'escorts to corporate worship every week',
      'sessional chaplains for smaller faiths',
      'daily chaplaincy visits to segregation',
    ],
    meetings: ['Equalities Meeting', 'Chaplaincy Meeting'],
    owners: ['Managing Chaplain', 'Head of Residence'],
    related: ['equality-and-inclusion'],
  },
  'health-care': {
    topics: ['health care', 'access to GP appointments', 'the administration of medicines', 'dental care', 'waiting times for health services'],
    findings: [
      'Waiting times for GP and dental appointments were too long.',
      'Medicines administration was poorly supervised, and queues were long.',
      'Many health appointments were missed because escorts were not available.',
      'Health care staffing was {weak}, and the service relied heavily on agency staff.',
    ],
    recommendations: [
      'Prisoners should have timely access to GP and dental appointments.',
      'Medicines should be administered safely, with officer supervision of queues.',
      'Health appointments should not be missed because of a lack of escorts.',
    ],
    actions: [
      'The health care provider will review waiting lists each week and add extra GP and dental sessions where waiting times exceed the community equivalent.',
      'An officer will supervise every medicines queue, and the health care provider will review the times at which medicines are given.',
      'Missed appointments will be monitored each month at the Local Delivery Board, and escorts will be detailed in advance.',
      'A recruitment plan will be agreed with the health care provider to reduce reliance on agency staff.',
    ],
    items: [
      'review GP and dental waiting lists each week',
      'add extra clinics where waiting times are too long',
      'supervise every medicines queue',
      'monitor missed appointments at the Local Delivery Board',
    ],
    meetings: ['Local Delivery Board', 'Health Care Partnership Board'],
    owners: ['Head of Healthcare', 'Health care provider'],
    related: ['mental-health', 'social-care', 'substance-misuse'],
  },
  'mental-health': {
    topics: ['mental health provision', 'talking therapies', 'mental health referrals', 'care for acutely unwell prisoners', 'transfers to hospital under the Mental Health Act'],
    findings: [
      'Too many prisoners struggled to get help with their mental health.',
      'Mental health provision was disjointed, and talking therapies were not being delivered.',
      'Transfers to hospital under the Mental Health Act took far too long.',
      'Acutely unwell prisoners were held in segregation because there was nowhere else to care for them.',
    ],
    recommendations: [
      'Prisoners should have timely access to mental health services, including talking therapies.',
      'Transfers to hospital under the Mental Health Act should take place within the national target.',
    ],
    actions: [
      'The mental health service will continue recruitment to improve access to talking therapies, and in the meantime will offer emotional support to high-risk prisoners who are waiting.',
      'A mental health referrals audit will be completed to ensure that referrals made in reception reach the right team promptly.',
      'Delays in transfers under the Mental Health Act will be escalated to the commissioners and tracked at the Local Delivery Board.',
      'Mental health awareness training will be delivered to residential staff, so that they know how to escalate concerns.',
      'A working group will clarify referral processes and thresholds for mental health interventions.',
    ],
    items: [
      'clarify referral processes and thresholds for mental health interventions',
      'audit referrals made in reception',
      'recruit additional talking therapists',
      'escalate delayed transfers to commissioners',
      'train residential staff in mental health awareness',
    ],
    meetings: ['Local Delivery Board', 'Safer Prisons Meeting'],
    owners: ['Head of Healthcare', 'Health care provider'],
    related: ['self-harm-and-suicide-prevention', 'health-care', 'segregation'],
  },
  'social-care': {
    topics: ['social care', 'the assessment of social care needs', 'personal emergency evacuation plans', 'support for prisoners with disabilities'],
    findings: [
      'Governance and oversight of the delivery of social care were weak.',
      'We found unmet need, and communication about the care delivered to prisoners with a social care package was poor.',
      'Not all prisoners who needed one had a personal emergency evacuation plan.',
    ],
    recommendations: [
      'Prisoners with social care needs should be identified, assessed and receive the care they need.',
      'All prisoners who need one should have a personal emergency evacuation plan known to staff.',
    ],
    actions: [
      'The memorandum of understanding with the local authority will be reviewed so that referrals are understood and unmet needs identified.',
      'A clear procedure for making a social care referral will be published and briefed to all staff.',
      'Personal emergency evacuation plans will be checked each week and shared with night staff.',
      'Individual care needs of prisoners with disabilities will be reviewed each month, with the local authority attending where required.',
    ],
    items: [
      'review the memorandum of understanding with the local authority',
      'publish a referral procedure',
      'check personal emergency evacuation plans each week',
      'review care packages each month',
    ],
    meetings: ['Safety Intervention Meeting', 'Local Delivery Board'],
    owners: ['Head of Healthcare', 'Head of Safety'],
    related: ['health-care', 'equality-and-inclusion', 'safeguarding'],
  },
  'substance-misuse': {
    topics: ['substance misuse treatment', 'psychosocial support for prisoners with drug problems', 'the incentivised substance-free living unit', 'opiate substitution treatment'],
    findings: [
      'Psychosocial support for prisoners with drug and alcohol problems was limited.',
      'The drug recovery unit was not drug free, and prisoners were not motivated to engage.',
      'Prisoners on opiate substitution treatment did not receive regular reviews.',
    ],
    recommendations: [
      'Prisoners with substance misuse problems should receive timely psychosocial support.',
      'The incentivised substance-free living unit should provide a genuinely drug-free environment.',
    ],
    actions: [
      'The substance misuse service will increase the number of recovery workers and offer group work on every wing.',
      'The incentivised substance-free living unit will be relaunched with compacts, regular voluntary drug testing and a programme of activities.',
      'Prisoners on opiate substitution treatment will be reviewed jointly by clinical and psychosocial staff at least every 13 weeks.',
      'Naloxone training and supply will be offered to every prisoner at risk of overdose before release.',
    ],
    items: [
      'increase the number of recovery workers',
      'relaunch the substance-free living unit',
      'review opiate substitution treatment every 13 weeks',
      'offer naloxone to prisoners at risk on release',
    ],
    meetings: ['Drug Strategy Meeting', 'Local Delivery Board'],
    owners: ['Head of Healthcare', 'Head of Reducing Reoffending', 'Head of Security'],
    related: ['security', 'health-care'],
  },
  'time-out-of-cell': {
    topics: ['time out of cell', 'the regime', 'access to exercise and association', 'the daily regime for unemployed prisoners'],
    findings: [
      'The regime did not offer prisoners, particularly those who were unemployed, enough time out of their cells.',
      'Prisoners were typically unlocked for less than {hours} hours each day.',
      'The regime was unpredictable, and prisoners were often locked up at short notice.',
      'Access to exercise in the open air was limited.',
    ],
    recommendations: [
      'All prisoners should have sufficient time unlocked and access to activities every day.',
      'The regime should be predictable, and prisoners should have daily exercise in the open air.',
    ],
    actions: [
      'A regime progression plan will be implemented, in line with national regime design expectations, to deliver more time out of cell.',
      'Structured on-wing activities will be introduced for unemployed prisoners, with a focus on wellbeing and developing skills.',
      'Regime delivery will be tracked each day at the morning operational meeting, and curtailments will be reported to the Governor.',
      'Additional exercise sessions will be added to the core day so that every prisoner can spend time in the open air each day.',
      'Time out of cell will be measured for a sample of prisoners each month, and the results will be published on the wings.',
    ],
    items: [
      'publish a predictable core day',
      'add structured on-wing activities for unemployed prisoners',
      'offer daily exercise in the open air',
      'report regime curtailments to the Governor',
    ],
    meetings: ['Purposeful Activity Meeting', 'morning operational meeting'],
    owners: ['Head of Operations', 'Deputy Governor', 'Head of Residence'],
    related: ['education-skills-and-work', 'living-conditions'],
  },
  'education-skills-and-work': {
    topics: ['education, skills and work', 'the curriculum', 'the quality of teaching', 'attendance at education and work', 'the allocation of prisoners to activities'],
    findings: [
      'There were weaknesses in teaching and assessment, and in the content and design of the curriculum.',
      'There were not enough activity places for the population.',
      'Attendance at education and work was low, and sessions often started late.',
      'Prisoners did not always understand the skills they developed through work.',
      'Ofsted judged the overall effectiveness of education, skills and work to be {ofsted}.',
    ],
    recommendations: [
      'Leaders should provide enough activity places and ensure that prisoners attend them.',
      'The quality of teaching, learning and assessment should be improved.',
      'The curriculum should meet the needs of the population and prepare prisoners for release.',
    ],
    actions: [
      'The Head of Education, Skills and Work will carry out joint learning walks and lesson observations with the education provider each month.',
      'The curriculum will be reviewed against the needs analysis to ensure it prepares prisoners for employment on release.',
      'Attendance at education and work will be monitored each day, and prisoners who do not attend will be followed up by wing staff.',
      'The allocation process will be reviewed so that prisoners start activities that match their sentence plan within two weeks of induction.',
      'Instructors will be trained to help prisoners recognise and record the skills they develop at work.',
    ],
    items: [
      'monthly lesson observations',
      'a curriculum review against the needs analysis',
      'daily monitoring of attendance',
      'allocation to activities within two weeks of induction',
      'a record of the skills prisoners develop at work',
    ],
    meetings: ['Education, Skills and Work Meeting', 'Purposeful Activity Meeting'],
    owners: ['Head of Education, Skills and Work', 'Education provider'],
    related: ['reading', 'time-out-of-cell', 'remand-and-resettlement'],
  },
  reading: {
    topics: ['the reading strategy', 'support for prisoners who cannot yet read well', 'the library', 'reading assessments'],
    findings: [
      'Leaders had been too slow to implement a cross-prison reading strategy.',
      'Prisoners who could not read well received little support.',
      'The library was often closed because of staff shortages.',
    ],
    recommendations: [
      'Leaders should implement a reading strategy that supports prisoners who cannot yet read well.',
      'The library should be open at times that allow all prisoners to use it.',
    ],
    actions: [
      'The reading strategy will be reviewed and progress will be monitored each month at the Education, Skills and Work Meeting.',
      'A Shannon Trust facilitator will recruit peer mentors and learners for the reading programme.',
      'Two reading specialists will be appointed to increase access to reading interventions.',
      'The local authority library service will recruit additional staff so that the library can open every day.',
      'All new arrivals will complete a reading assessment during induction, and those who need support will be referred to the reading programme.',
    ],
    items: [
      'assess reading during induction',
      'refer prisoners who need support to the reading programme',
      'recruit peer mentors',
      'open the library every day',
      'run a reading group in the workshops',
    ],
    meetings: ['Education, Skills and Work Meeting'],
    owners: ['Head of Education, Skills and Work', 'Education provider'],
    related: ['education-skills-and-work'],
  },
  'family-contact': {
    topics: ['family contact', 'visits', 'access to the telephone', 'support for children and families'],
    findings: [
      'It took too long for new arrivals to be able to make a telephone call.',
      'Visits were often cancelled, and the booking line was difficult to reach.',
      'There was little support for prisoners to maintain relationships with their children.',
    ],
    recommendations: [
      'Prisoners should be able to maintain contact with their families, with reliable visits and prompt access to the telephone.',
      'Family days and parenting support should be available to prisoners with children.',
    ],
    actions: [
      'The waiting time for approving telephone numbers will be monitored each week, and extra resources will be allocated where it exceeds 48 hours.',
      'An online visits booking system will be introduced, and cancelled visits will be reported to the Head of Reducing Reoffending.',
      'Family days will be held each quarter, and the families service will offer parenting courses.',
      'Secure video calls will be available every day, including at weekends.',
    ],
    items: [
      'approve telephone numbers within 48 hours',
      'introduce online visit booking',
      'hold family days each quarter',
      'offer secure video calls every day',
    ],
    meetings: ['Reducing Reoffending Meeting', 'Family Strategy Meeting'],
    owners: ['Head of Reducing Reoffending', 'Head of Operations'],
    related: ['early-days-in-custody', 'remand-and-resettlement'],
  },
  'offender-management': {
    topics: ['offender management', 'sentence planning', 'OASys risk assessments', 'contact with prison offender managers', 'progression to open conditions'],
    findings: [
      'Too many prisoners did not have an up-to-date assessment of their risk and needs.',
      'Contact between prisoners and their prison offender managers was infrequent.',
      'Prisoners could not progress because there were not enough places on offending behaviour programmes.',
      'Home detention curfew decisions were often made late.',
    ],
    recommendations: [
      'All prisoners should have an up-to-date risk assessment and a sentence plan.',
      'Prison offender managers should have regular and meaningful contact with prisoners.',
      'Prisoners should have access to the offending behaviour programmes they need to progress.',
    ],
    actions: [
      'The backlog of OASys assessments will be prioritised by risk and release date, and progress will be reported each month to the Reducing Reoffending Meeting.',
      'Prison offender managers will be protected from redeployment so that they can meet prisoners regularly.',
      'A needs analysis of offending behaviour programmes will be shared with the regional team to secure more places.',
      'Home detention curfew cases will be tracked weekly so that decisions are made before the eligibility date.',
    ],
    items: [
      'prioritise OASys assessments by risk and release date',
      'protect prison offender managers from redeployment',
      'track home detention curfew cases weekly',
      'review programme places with the regional team',
    ],
    meetings: ['Reducing Reoffending Meeting', 'Offender Management Unit Meeting'],
    owners: ['Head of Offender Management Delivery', 'Head of Reducing Reoffending'],
    related: ['public-protection', 'remand-and-resettlement', 'key-work-and-day-to-day-support'],
  },
  'public-protection': {
    topics: ['public protection arrangements', 'the interdepartmental risk management meeting', 'telephone monitoring', 'MAPPA arrangements'],
    findings: [
      'There were weaknesses in public protection arrangements.',
      'The interdepartmental risk management meeting did not consider all the prisoners it needed to.',
      'Telephone monitoring was not adequately resourced, and there was a backlog of calls.',
      'MAPPA levels were not always confirmed before release.',
    ],
    recommendations: [
      'Public protection arrangements should be robust, with all relevant prisoners considered before release.',
      'Telephone monitoring should be adequately resourced.',
    ],
    actions: [
      'Terms of reference for the interdepartmental risk management meeting will be reviewed so that all relevant cases are referred and managed.',
      'An additional administrator will be recruited to support public protection work, including telephone monitoring.',
      'MAPPA levels will be confirmed with community probation at least six months before release.',
      'A public protection steering group, chaired by the Deputy Governor, will oversee all aspects of public protection each quarter.',
    ],
    items: [
      'review the terms of reference for the risk management meeting',
      'clear the backlog of telephone monitoring',
      'confirm MAPPA levels six months before release',
      'report to the public protection steering group each quarter',
    ],
    meetings: ['Interdepartmental Risk Management Meeting', 'Public Protection Steering Group'],
    owners: ['Head of Offender Management Delivery', 'Head of Public Protection', 'Deputy Governor'],
    related: ['offender-management', 'security'],
  },
  'remand-and-resettlement': {
    topics: ['support for remanded prisoners', 'resettlement planning', 'accommodation on release', 'help with finance, benefits and debt'],
    findings: [
      'There were gaps in support for remanded prisoners.',
      'Too many prisoners were released without sustainable accommodation.',
      'Resettlement needs were not reliably identified or addressed.',
      'Help with finance, benefits and debt was limited.',
    ],
    recommendations: [
      'Remanded prisoners should have their immediate and resettlement needs identified and met.',
      'Prisoners should be released to sustainable accommodation.',
    ],
    actions: [
      'New arrivals will be screened for resettlement needs using the basic custody screening tool, and immediate needs will be addressed within a week.',
      'The accommodation service will meet the Head of Reducing Reoffending each month to track the number of prisoners released without accommodation.',
      'A pre-release team will offer help with bank accounts, identification and benefits to every prisoner 12 weeks before release.',
      'Clothing from charitable donations and food vouchers will be offered to prisoners on release where needed.',
    ],
    items: [
      'screen all new arrivals for resettlement needs',
      'help prisoners open a bank account before release',
      'secure identification documents',
      'refer prisoners to the accommodation service 12 weeks before release',
    ],
    meetings: ['Reducing Reoffending Meeting', 'Resettlement Meeting'],
    owners: ['Head of Reducing Reoffending', 'Head of Offender Management Delivery'],
    related: ['offender-management', 'family-contact'],
  },
};

/** How often each theme leads a concern (relative weights; unlisted themes weigh 1). */
export const THEME_WEIGHTS: Record<string, number> = {
  'self-harm-and-suicide-prevention': 3,
  'violence-reduction': 2.5,
  'time-out-of-cell': 2.5,
  'education-skills-and-work': 2.5,
  'use-of-force': 2,
  'health-care': 2,
  'mental-health': 2,
  'living-conditions': 2,
  'offender-management': 2,
  'early-days-in-custody': 1.5,
  'key-work-and-day-to-day-support': 1.5,
  security: 1.5,
  segregation: 1.2,
  'equality-and-inclusion': 1.2,
  'substance-misuse': 1.2,
  'food-and-shop': 0.8,
  'social-care': 0.8,
  safeguarding: 0.7,
  faith: 0.4,
};

export const FILL = {
  level: ['high', 'very high', 'higher than at similar prisons', 'rising', 'among the highest in the country'],
  weak: ['weak', 'inconsistent', 'not good enough', 'poor', 'variable'],
  hours: ['2', '2.5', '3', '1.5'],
  ofsted: ['inadequate', 'requires improvement'],
  cadence: ['weekly', 'each month', 'each quarter', 'fortnightly'],
  lead: ['The Deputy Governor', 'The Head of Safety', 'The Head of Residence', 'The Head of Operations', 'A senior leader'],
} as const;

/** Action sentences that fit any theme. */
export const GENERIC_ACTIONS = [
  '{est} will review {topic} and agree an improvement plan, with progress monitored at the {meeting}.',
  'A quality assurance check of {topic} will be completed {cadence} by a member of the senior leadership team, and the findings will be shared at the {meeting}.',
  'Data on {topic} will be analysed {cadence} to identify trends, and actions to address any concerns will be tracked through the {meeting}.',
  'Staff will receive refresher training on {topic}, and completion rates will be reported to the {meeting}.',
  'Leaders will consult prisoners about {topic} through the prison council and act on the feedback received.',
  'Terms of reference for the {meeting} will be reviewed to ensure the right departments attend and that {topic} is a standing agenda item.',
  '{lead} will carry out a deep dive into {topic}, drawing on good practice from other prisons in the group.',
  'The local policy on {topic} will be updated in line with the national framework and published to all staff.',
  'An action log will be kept to record and track progress on {topic}, and it will be reviewed at the {meeting} {cadence}.',
  'The regional team will be asked to support a peer review of {topic}, and its recommendations will be added to this plan.',
];

/** Lead-in sentences for an action made of a list; {items} is replaced by the list. */
export const LIST_LEADS = [
  'To improve {topic}, {est} will:',
  'A working group will be set up to improve {topic}, with these priorities:',
  'The following actions will be taken on {topic}:',
  'Leaders will take the following steps, monitored at the {meeting}:',
];

export const GENERIC_FINDINGS = [
  'Oversight of {topic} was {weak}.',
  'Leaders had not done enough to improve {topic} since the last inspection.',
  'There were weaknesses in {topic}.',
  'Prisoners were negative about {topic} in our survey.',
];

export const GENERIC_RECOMMENDATIONS = [
  'Leaders should improve {topic} so that prisoners receive consistent support.',
  'The prison should ensure that {topic} meets the needs of the population.',
  'There should be effective oversight and quality assurance of {topic}.',
];

export const RESPONSE_TEXTS = {
  agreed: [
    'Agreed. {est} will address this recommendation through the actions below.',
    'This recommendation is agreed, and progress will be monitored through the local delivery plan.',
    'Agreed. Work on {topic} had already begun at the time of the inspection and will continue.',
  ],
  'partly-agreed': [
    'Partly agreed. {est} agrees that {topic} needs to improve, but the recommendation cannot be met in full within current resources. The actions below set out what will be done.',
    'Partly agreed. The national policy on {topic} is under review, so local changes will be limited to those below until it is published.',
    'Partly agreed. Some of this recommendation depends on capital funding, which has been requested but not yet secured.',
  ],
  'not-agreed': [
    'Not agreed. {est} considers that the current arrangements for {topic} comply with national policy; they will be kept under review.',
    'Not agreed. Funding for this is not available in the current spending period. The establishment will continue to manage the risk through existing processes.',
    'Not agreed. The recommendation conflicts with the national operating model for {topic}.',
  ],
} as const;

/** Owners seen across plans, beside the theme's own and the Governor. */
export const OTHER_OWNERS = [
  'Deputy Governor',
  'Head of Safety',
  'Head of Healthcare',
  'Head of Residence',
  'Head of Operations',
  'Head of Security',
  'Head of Reducing Reoffending',
  'HMPPS Estates',
  'Prison Group Director',
  'Governor / Deputy Governor',
  'Head of Safety and Head of Healthcare',
];

export const PLAN_NOTES = [
  'Some target dates were revised after the plan was submitted, following a change of Governor.',
  'Actions that depend on capital funding are subject to the outcome of the national bid process.',
  'This plan was agreed with the Prison Group Director before submission.',
  'Progress against this plan will be reviewed at the establishment\'s monthly Senior Leadership Team meeting.',
];

export const NAME_STARTS = [
  'Ash', 'Birch', 'Bram', 'Cold', 'Elder', 'Fern', 'Glen', 'Hazel', 'Holm', 'Juniper', 'Kestrel', 'Larch',
  'Marsh', 'Nettle', 'Orchard', 'Pebble', 'Quill', 'Rowan', 'Sedge', 'Sorrel', 'Tansy', 'Umber', 'Vetch',
  'Willow', 'Yarrow', 'Brook', 'Clover', 'Heron',
];
export const NAME_ENDS = ['field', 'ford', 'by', 'ham', 'ley', 'wick', 'moor', 'stead', 'combe', 'gate', 'mere', 'thorpe'];

export const ESTABLISHMENT_TYPES = [
  'Category B local prison for adult men (fictional)',
  'Category B local and resettlement prison for adult men (fictional)',
  'Category C training and resettlement prison for adult men (fictional)',
  'Category C training prison for adult men convicted of sexual offences (fictional)',
  'Category D open prison for adult men (fictional)',
  'Closed local prison for women (fictional)',
  'Young offender institution for young men aged 18 to 21 (fictional)',
  'High security prison for adult men (fictional)',
];

export const GROUPS = [
  'Example North West Group',
  'Example North East Group',
  'Example Midlands Group',
  'Example East Group',
  'Example South West Group',
  'Example South Central Group',
  'Example London Group',
  'Example Wales Group',
  'Example Women\'s Estate',
  'Example Long-Term High Security Estate',
];

export const CONTRACTORS = ['Example Custodial Services Ltd (fictional contractor)', 'Example Justice Partners Ltd (fictional contractor)'];

/** What a progress update says, by the status it reports ({est} is the establishment). */
export const UPDATE_NOTES: Record<string, readonly string[]> = {
  'not-started': [
    'Work has not yet started; it is scheduled once the staffing review is complete.',
    'Awaiting the outcome of the regional funding decision before work can begin.',
  ],
  'in-progress': [
    'A working group has been set up and meets monthly; the first actions are complete.',
    'Training has been delivered to about half of the staff concerned, with the rest booked.',
    'The revised procedure has been drafted and is with the Senior Leadership Team for approval.',
    'Progress is reviewed at the monthly Safety meeting at {est}.',
  ],
  completed: [
    'Completed: the new arrangements are in place and are checked in the quarterly audit.',
    'Completed and embedded in routine practice; evidence is held by the Head of Function.',
    'The action is complete. Compliance checks since have found the new process followed.',
  ],
  'not-completed': [
    'Not completed: the work was stopped when the regime was restricted and has not restarted.',
    'Not completed within the plan; the concern has been carried into the local improvement plan.',
  ],
  'no-longer-applicable': [
    'No longer applicable following the change in the role of the establishment.',
    'Superseded by a national policy that now covers this area.',
  ],
};

/** Why a target date was moved. */
export const REVISION_REASONS = [
  'Delayed by staff shortages in the department responsible.',
  'The work depends on national funding, which was confirmed later than expected.',
  'The contractor could not start until the following quarter.',
  'Rescheduled to follow the completion of the wing refurbishment.',
  'Delayed while a new Head of Function was appointed.',
  'Extended to allow the new process to be trialled on one wing first.',
] as const;
